/** A setting turned on or off: a checkbox with its label and hint, disabled until its value is known. */
export function SettingToggle(props: {
  id: string;
  label: string;
  hint: string;
  checked: boolean | undefined;
  onChange: (on: boolean) => void;
}) {
  const hintId = `${props.id}-hint`;
  return (
    <div class="cg-setting">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked === true}
        disabled={props.checked === undefined}
        aria-describedby={hintId}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <div>
        <label for={props.id}>{props.label}</label>
        <p id={hintId} class="cg-hint">
          {props.hint}
        </p>
      </div>
    </div>
  );
}
