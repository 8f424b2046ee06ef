import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { SettingToggle } from './SettingToggle';

/** A volunteer's consent to send something to the service: an item that is off until they turn it on. */
export function ConsentToggle(props: {
  id: string;
  item: WxtStorageItem<boolean, Record<string, unknown>>;
  label: string;
  hint: string;
}) {
  const { item } = props;
  const [on, setOn] = useState<boolean>();
  useEffect(() => {
    void item.getValue().then(setOn, () => setOn(false));
    return item.watch((value) => setOn(value === true));
  }, [item]);
  return (
    <SettingToggle
      id={props.id}
      label={props.label}
      hint={props.hint}
      checked={on}
      onChange={(value) => void item.setValue(value)}
    />
  );
}
