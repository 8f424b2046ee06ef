import { browser } from 'wxt/browser';
import { t } from '../../src/ui/i18n';

/** Which build this is, what leaves the device (with the way to the preview of a report), and where judgements are explained. */
export function AboutPanel() {
  return (
    <>
      <p>{t('options_about_version', [browser.runtime.getManifest().version])}</p>
      <p>
        {t('options_about_privacy')} <a href="#report-preview-heading">{t('options_reports_preview_heading')}</a>
      </p>
      <p>
        <a href={browser.runtime.getURL('/help.html')}>{t('help_title')}</a>
      </p>
    </>
  );
}
