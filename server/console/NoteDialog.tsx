import { useState } from 'preact/hooks';
import { Dialog } from './Dialog';
import { say } from './words';

/** Asks for the note a decision keeps; `onClose(undefined)` when cancelled. */
export function NoteDialog({
  heading,
  submit,
  onClose,
}: {
  heading: string;
  /** The submit button's words: the decision itself ("Confirm", "Uphold"). */
  submit: string;
  onClose: (note: string | undefined) => void;
}) {
  const [note, setNote] = useState('');
  return (
    <Dialog label={heading} onClose={() => onClose(undefined)}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onClose(note.trim());
        }}
      >
        <h2>{heading}</h2>
        <label class="note-label" for="note">
          {say('note_label')}
        </label>
        <textarea
          id="note"
          maxLength={2000}
          rows={3}
          value={note}
          autofocus
          onInput={(event) => setNote(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter decides, as the submit button does; Shift+Enter is a new line.
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              onClose(note.trim());
            }
          }}
        />
        <div class="dialog-actions">
          <button type="submit">{submit}</button>
          <button type="button" onClick={() => onClose(undefined)}>
            {say('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
