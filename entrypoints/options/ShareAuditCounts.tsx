import { useEffect, useState } from 'preact/hooks';
import { shareAuditCountsItem } from '../../src/settings/items';
import { t } from '../../src/ui/i18n';
import { SettingToggle } from './SettingToggle';

/** The volunteer's consent to send audit sessions' counts to the service: off until turned on. */
export function ShareAuditCounts() {
  const [on, setOn] = useState<boolean>();
  useEffect(() => {
    void shareAuditCountsItem.getValue().then(setOn, () => setOn(false));
    return shareAuditCountsItem.watch((value) => setOn(value === true));
  }, []);
  return (
    <SettingToggle
      id="share-audit-counts"
      label={t('options_share_audit_label')}
      hint={t('options_share_audit_hint')}
      checked={on}
      onChange={(value) => void shareAuditCountsItem.setValue(value)}
    />
  );
}
