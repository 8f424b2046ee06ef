import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorText } from '../../src/error-text';
import type { Listing } from '../../src/listing/listing';
import { sendMessage } from '../../src/messaging/protocol';
import { composeReport } from '../../src/reports/compose';
import { asksConsent, askToSendReports, maySendReports } from '../../src/reports/consent';
import type { Assessment } from '../../src/risk/assessment';
import { reporterIdItem, screenshotsItem } from '../../src/settings/items';
import { t } from '../../src/ui/i18n';
import { ReportPreview } from './ReportPreview';
import { SettingToggle } from './SettingToggle';

/** The listing the preview reports: made up, shaped as a reader would find it on eBay. */
function sampleListing(): Listing {
  return {
    marketplace: 'ebay',
    key: 'ebay:204512345678',
    url: 'https://www.ebay.com/itm/204512345678',
    kind: 'detail',
    title: t('options_reports_sample_title'),
    brand: 'Nike',
    price: { amount: 34.99, currency: 'USD' },
    seller: { name: 'best_kicks_outlet' },
  };
}

const SAMPLE_ASSESSMENT: Assessment = {
  key: 'ebay:204512345678',
  level: 'high',
  score: 85,
  brand: 'nike',
  reasons: [
    { code: 'brand_recognised', weight: 0, params: { brand: 'Nike', form: 'exact', text: 'Nike' } },
    { code: 'counterfeit_terms', weight: 60, params: { brand: 'Nike', term: 'replica' } },
    {
      code: 'price_below_floor',
      weight: 25,
      params: { brand: 'Nike', price: 34.99, currency: 'USD', floor: 90, percent: 61, category: 'sneakers' },
    },
  ],
};

type Preview = { kind: 'loading' } | { kind: 'ready'; registryVersion: number } | { kind: 'error'; detail: string };

/**
 * What reporting does, in the reporter's hands: the screenshot choice, the reporter id (and a
 * new one on request), and what a report sends, field by field, made by the same code that
 * makes real reports.
 */
export function ReportingSettings() {
  const [screenshots, setScreenshots] = useState<boolean | undefined>(undefined);
  const [screenshotStatus, setScreenshotStatus] = useState<'idle' | 'on' | 'off' | { error: string }>('idle');
  const [id, setId] = useState<string | { error: string } | undefined>(undefined);
  const [idStatus, setIdStatus] = useState<'idle' | 'busy' | 'made' | { error: string }>('idle');
  const [preview, setPreview] = useState<Preview>({ kind: 'loading' });
  // Where the browser asks before data leaves (Firefox): whether reports may be sent.
  const [consent, setConsent] = useState<'not_asked' | 'allowed' | 'waiting' | { error: string }>('not_asked');

  useEffect(() => {
    void screenshotsItem.getValue().then(setScreenshots, () => setScreenshots(false));
    const unwatchScreenshots = screenshotsItem.watch((on) => setScreenshots(on === true));
    // Made at install; made here if the install step never ran (the worker stopped first).
    sendMessage('reporterId', null).then(setId, (error: unknown) => setId({ error: errorText(error) }));
    const unwatchId = reporterIdItem.watch((held) => {
      if (held) setId(held);
    });
    asksConsent()
      .then(async (asks) => {
        if (asks) setConsent((await maySendReports()) ? 'allowed' : 'waiting');
      })
      .catch((error: unknown) => setConsent({ error: errorText(error) }));
    sendMessage('registryStatus', null).then(
      (status) => setPreview({ kind: 'ready', registryVersion: status.version }),
      (error: unknown) => setPreview({ kind: 'error', detail: errorText(error) }),
    );
    return () => {
      unwatchScreenshots();
      unwatchId();
    };
  }, []);

  async function chooseScreenshots(on: boolean) {
    setScreenshots(on);
    try {
      await screenshotsItem.setValue(on);
      setScreenshotStatus(on ? 'on' : 'off');
    } catch (error) {
      setScreenshots(!on);
      setScreenshotStatus({ error: errorText(error) });
    }
  }

  async function allowReports() {
    try {
      setConsent((await askToSendReports()) ? 'allowed' : 'waiting');
    } catch (error) {
      setConsent({ error: errorText(error) });
    }
  }

  async function newId() {
    setIdStatus('busy');
    try {
      setId(await sendMessage('rotateReporterId', null));
      setIdStatus('made');
    } catch (error) {
      setIdStatus({ error: errorText(error) });
    }
  }

  const currentId = typeof id === 'string' ? id : undefined;
  const registryVersion = preview.kind === 'ready' ? preview.registryVersion : undefined;
  const sample = useMemo(() => {
    if (currentId === undefined || registryVersion === undefined || screenshots === undefined) return undefined;
    return composeReport(
      sampleListing(),
      SAMPLE_ASSESSMENT,
      {
        reporterId: currentId,
        registryVersion,
        extensionVersion: browser.runtime.getManifest().version,
        now: new Date(),
      },
      // Its bytes are never shown: the preview says in words what a screenshot is.
      screenshots ? { base64: '', sha256: '' } : undefined,
    );
  }, [currentId, registryVersion, screenshots]);

  return (
    <div class="cg-reporting">
      {consent !== 'not_asked' && (
        <section class="cg-consent" aria-labelledby="report-consent-heading">
          <h3 id="report-consent-heading">{t('options_reports_consent_heading')}</h3>
          <p id="report-consent-hint" class="cg-hint">
            {t('options_reports_consent_hint')}
          </p>
          {consent !== 'allowed' && (
            <button
              type="button"
              class="cg-button"
              aria-describedby="report-consent-hint"
              onClick={() => void allowReports()}
            >
              {t('options_reports_consent_allow')}
            </button>
          )}
          <p class="cg-status" role="status">
            {consent === 'allowed' && t('options_reports_consent_allowed')}
            {consent === 'waiting' && t('options_reports_consent_waiting')}
            {typeof consent === 'object' && t('options_reports_consent_error', [consent.error])}
          </p>
        </section>
      )}
      <SettingToggle
        id="report-screenshots"
        label={t('options_reports_screenshots_label')}
        hint={t('options_reports_screenshots_hint')}
        checked={screenshots}
        onChange={(on) => void chooseScreenshots(on)}
      />
      <p class="cg-status" role="status">
        {screenshotStatus === 'on' && t('options_reports_screenshots_on')}
        {screenshotStatus === 'off' && t('options_reports_screenshots_off')}
        {typeof screenshotStatus === 'object' && t('options_reports_setting_error', [screenshotStatus.error])}
      </p>

      <section class="cg-reporter" aria-labelledby="reporter-id-heading">
        <h3 id="reporter-id-heading">{t('options_reports_reporter_heading')}</h3>
        {id === undefined && <p>{t('options_reports_reporter_loading')}</p>}
        {typeof id === 'object' && <p role="alert">{t('options_reports_reporter_load_error', [id.error])}</p>}
        {typeof id === 'string' && (
          <p>
            <code class="cg-reporter-id">{id}</code>
          </p>
        )}
        <p id="reporter-id-hint" class="cg-hint">
          {t('options_reports_reporter_hint')}
        </p>
        <button
          type="button"
          class="cg-button"
          disabled={idStatus === 'busy' || id === undefined}
          aria-describedby="reporter-id-hint"
          onClick={() => void newId()}
        >
          {t('options_reports_reporter_new')}
        </button>
        <p class="cg-status" role="status">
          {idStatus === 'made' && t('options_reports_reporter_made')}
          {typeof idStatus === 'object' && t('options_reports_reporter_error', [idStatus.error])}
        </p>
      </section>

      <section class="cg-report-preview" aria-labelledby="report-preview-heading">
        <h3 id="report-preview-heading">{t('options_reports_preview_heading')}</h3>
        <p>{t('options_reports_preview_intro')}</p>
        {screenshots !== undefined && (
          <p>
            {t(screenshots ? 'options_reports_preview_with_screenshot' : 'options_reports_preview_without_screenshot')}
          </p>
        )}
        {preview.kind === 'error' && <p role="alert">{t('options_reports_preview_error', [preview.detail])}</p>}
        {preview.kind !== 'error' && typeof id !== 'object' && sample === undefined && (
          <p>{t('options_reports_preview_loading')}</p>
        )}
        {sample !== undefined && <ReportPreview report={sample} />}
      </section>
    </div>
  );
}
