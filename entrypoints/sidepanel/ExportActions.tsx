import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorText } from '../../src/error-text';
import { sendMessage } from '../../src/messaging/protocol';
import { composeReport } from '../../src/reports/compose';
import { download } from '../../src/reports/download';
import type { EvidenceItem, ExportFormat } from '../../src/reports/evidence';
import { type Volunteer, volunteerItem } from '../../src/settings/items';
import { count, type MessageKey, t } from '../../src/ui/i18n';
import type { ViewRow } from './rows';
import { openSettings, type Say } from './SessionControls';

const FORMATS: { format: ExportFormat; label: MessageKey }[] = [
  { format: 'csv', label: 'audit_export_csv' },
  { format: 'json', label: 'audit_export_json' },
  { format: 'vero', label: 'audit_export_vero' },
  { format: 'amazon-asins', label: 'audit_export_amazon_asins' },
  { format: 'alibaba-ipp', label: 'audit_export_alibaba_ipp' },
  { format: 'dsa-notice', label: 'audit_export_dsa_notice' },
];

/** Each row as the report it would make: what the page showed, the assessment, who and when. */
async function evidenceOf(rows: readonly ViewRow[], now: Date): Promise<EvidenceItem[]> {
  const [id, status] = await Promise.all([sendMessage('reporterId', null), sendMessage('registryStatus', null)]);
  const extensionVersion = browser.runtime.getManifest().version;
  return rows.map((row) => ({
    report: composeReport(row.listing, row.assessment, {
      reporterId: id,
      registryVersion: status.version,
      extensionVersion,
      now,
    }),
  }));
}

/** The session's listings shown, as evidence files in the formats the marketplaces take. */
export function ExportActions(props: { rows: readonly ViewRow[]; say: Say }) {
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | undefined>(undefined);
  const [volunteer, setVolunteer] = useState<Volunteer | undefined>(undefined);
  const { rows, say } = props;

  useEffect(() => {
    void volunteerItem.getValue().then(setVolunteer, () => setVolunteer({}));
    return volunteerItem.watch((value) => setVolunteer(value ?? {}));
  }, []);

  async function exportAs(format: ExportFormat, label: string) {
    const chosen = [...rows];
    setProgress({ label, done: 0, total: chosen.length });
    try {
      const now = new Date();
      // The file makers (and the site rules they read) load when first asked for, not with the panel.
      const [items, contact, { exportEvidence }, { ENGLISH }] = await Promise.all([
        evidenceOf(chosen, now),
        volunteerItem.getValue(),
        import('../../src/reports/evidence'),
        import('../../src/words/english'),
      ]);
      // The files are for the marketplaces' English forms, whatever the volunteer's own language.
      const file = await exportEvidence(
        format,
        items,
        ENGLISH,
        { now, ...(contact.name ? { name: contact.name } : {}), ...(contact.email ? { email: contact.email } : {}) },
        (done, total) => setProgress({ label, done, total }),
      );
      download(file.body, file.contentType, file.fileName);
      say(t('audit_export_done', [file.fileName, count(chosen.length)]));
    } catch (error) {
      say(t('audit_export_error', [errorText(error)]), 'alert');
    } finally {
      setProgress(undefined);
    }
  }

  const noContact = volunteer !== undefined && (!volunteer.name || !volunteer.email);
  return (
    <section class="cg-audit-export" aria-labelledby="audit-export-heading">
      <h2 id="audit-export-heading">{t('audit_export_heading')}</h2>
      <p id="audit-export-hint" class="cg-hint">
        {rows.length > 0 ? t('audit_export_hint', [count(rows.length)]) : t('audit_export_empty')}
      </p>
      <div class="cg-audit-buttons">
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            class="cg-button"
            disabled={progress !== undefined || rows.length === 0}
            aria-describedby={
              format === 'dsa-notice' && noContact ? 'audit-export-hint audit-export-contact' : 'audit-export-hint'
            }
            onClick={() => void exportAs(format, t(label))}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {noContact && (
        <p id="audit-export-contact" class="cg-hint">
          {t('audit_export_contact')}{' '}
          <button type="button" class="cg-link-button" onClick={openSettings}>
            {t('audit_open_settings')}
          </button>
        </p>
      )}
      {progress && (
        <div class="cg-audit-progressbar">
          <label for="audit-export-progress">
            {t('audit_exporting', [progress.label, count(progress.done), count(progress.total)])}
          </label>
          <progress id="audit-export-progress" max={Math.max(1, progress.total)} value={progress.done} />
        </div>
      )}
    </section>
  );
}
