import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorText } from '../../src/error-text';
import { shareAuditCountsItem, shareSightingsItem } from '../../src/settings/items';
import { t } from '../../src/ui/i18n';
import { AuditBrandPicker } from './AuditBrandPicker';
import { AuditHistory } from './AuditHistory';
import type { AccuracyState } from './accuracy';
import { BrandSearch } from './BrandSearch';
import { ConsentToggle } from './ConsentToggle';
import { RegistryStatusPanel } from './RegistryStatusPanel';
import { ReportHistory } from './ReportHistory';
import { ReportingSettings } from './ReportingSettings';
import { RuleHealthPanel } from './RuleHealthPanel';
import { SensitivitySetting } from './SensitivitySetting';
import { SettingToggle } from './SettingToggle';
import { VolunteerSignIn } from './VolunteerSignIn';

const ANY_SHOP = { origins: ['https://*/*'] };

type Status =
  | { kind: 'idle' }
  | { kind: 'saved'; on: boolean }
  | { kind: 'declined' }
  | { kind: 'error'; detail: string };

/**
 * Settings. The reader for any other shop is on exactly while its permission is granted: the
 * browser asks the user, and the background registers the script when the grant arrives.
 */
export function OptionsApp() {
  const [anyShop, setAnyShop] = useState<boolean | undefined>(undefined);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // The sign-in's Check and Sign out, passed on to the accuracy the history shows.
  const [accuracy, setAccuracy] = useState<AccuracyState | undefined>(undefined);

  useEffect(() => {
    document.title = t('options_title');
    const refresh = () => void browser.permissions.contains(ANY_SHOP).then(setAnyShop);
    refresh();
    // The user may change it in the browser's own extension settings too.
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  async function toggle(on: boolean) {
    try {
      // The request must come straight from the click, before anything else is awaited.
      const done = on ? await browser.permissions.request(ANY_SHOP) : await browser.permissions.remove(ANY_SHOP);
      if (on && !done) {
        setStatus({ kind: 'declined' });
        return;
      }
      setAnyShop(on);
      setStatus({ kind: 'saved', on });
    } catch (error) {
      setStatus({ kind: 'error', detail: errorText(error) });
    }
  }

  return (
    <main class="cg-options">
      <h1>{t('options_title')}</h1>
      <SettingToggle
        id="any-shop"
        label={t('options_any_shop_label')}
        hint={t('options_any_shop_hint')}
        checked={anyShop}
        onChange={(on) => void toggle(on)}
      />
      <p class="cg-status" role="status">
        {status.kind === 'saved' && t(status.on ? 'options_any_shop_on' : 'options_any_shop_off')}
        {status.kind === 'declined' && t('options_any_shop_declined')}
        {status.kind === 'error' && t('options_error', [status.detail])}
      </p>
      <SensitivitySetting />
      <RegistryStatusPanel />
      <RuleHealthPanel />
      <BrandSearch />
      <section class="cg-reports" aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('options_reports_heading')}</h2>
        <ReportingSettings />
        <ReportHistory />
      </section>
      <section class="cg-audit" aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('options_audit_heading')}</h2>
        <p class="cg-hint">{t('options_audit_intro')}</p>
        <AuditBrandPicker />
        <VolunteerSignIn onAccuracy={setAccuracy} />
        <ConsentToggle
          id="share-audit-counts"
          item={shareAuditCountsItem}
          label={t('options_share_audit_label')}
          hint={t('options_share_audit_hint')}
        />
        <ConsentToggle
          id="share-sightings"
          item={shareSightingsItem}
          label={t('options_share_sightings_label')}
          hint={t('options_share_sightings_hint')}
        />
        <AuditHistory accuracy={accuracy} />
      </section>
    </main>
  );
}
