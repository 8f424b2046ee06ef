import { useState } from 'preact/hooks';
import { isSuspect } from '../../src/audit/model';
import { errorText } from '../../src/error-text';
import { sendMessage } from '../../src/messaging/protocol';
import { count, t } from '../../src/ui/i18n';
import type { ViewRow } from './rows';
import type { Say } from './SessionControls';
import type { SessionView } from './useAuditData';

/** Keys one selectAudit message carries at most (the background checks the same bound). */
const SELECT_BATCH = 5000;
/** Reports one reportAudited message asks for at most (the background makes no more at once). */
export const REPORT_BATCH = 500;

function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/**
 * Selects or clears the rows with these keys: shown at once, then told to the background (in
 * batches it accepts). If the background refuses, the rows are read again as it holds them.
 */
export async function changeSelection(
  keys: readonly string[],
  selected: boolean,
  patch: (change: (view: SessionView) => SessionView) => void,
): Promise<void> {
  const wanted = new Set(keys);
  patch((view) => ({
    ...view,
    rows: view.rows.map((row) => (wanted.has(row.key) && row.selected !== selected ? { ...row, selected } : row)),
  }));
  for (const batch of batches(keys, SELECT_BATCH)) await sendMessage('selectAudit', { keys: batch, selected });
}

/** What a bulk report came to, in words. */
function reportOutcomeWords(outcome: { reported: number; already: number; failed: number }, asked: number) {
  const parts: string[] = [];
  if (outcome.reported > 0) parts.push(t('audit_report_done', [count(outcome.reported)]));
  if (outcome.already > 0) parts.push(t('audit_report_already', [count(outcome.already)]));
  if (outcome.failed > 0) parts.push(t('audit_report_failed', [count(outcome.failed)]));
  const unanswered = asked - outcome.reported - outcome.already - outcome.failed;
  if (unanswered > 0) parts.push(t('audit_report_unanswered', [count(unanswered)]));
  return parts.length > 0 ? parts.join(' ') : t('audit_report_none');
}

/** Select all suspect shown, clear the selection, report the selected ones. */
export function BulkActions(props: {
  rows: readonly ViewRow[];
  shown: readonly ViewRow[];
  patch: (change: (view: SessionView) => SessionView) => void;
  refresh: () => Promise<void>;
  say: Say;
}) {
  const [reporting, setReporting] = useState<{ done: number; total: number } | undefined>(undefined);
  const [selecting, setSelecting] = useState(false);
  const { say } = props;
  const selected = props.rows.filter((row) => row.selected);
  // A listing reported already is not sent again.
  const toReport = selected.filter((row) => !row.reported);

  async function select(keys: string[], on: boolean, done: string) {
    setSelecting(true);
    try {
      await changeSelection(keys, on, props.patch);
      say(done);
    } catch (error) {
      say(t('audit_select_error', [errorText(error)]), 'alert');
    } finally {
      setSelecting(false);
      await props.refresh();
    }
  }

  function selectSuspect() {
    const keys = props.shown.filter((row) => isSuspect(row.assessment)).map((row) => row.key);
    if (keys.length === 0) {
      say(t('audit_no_suspect_shown'));
      return;
    }
    void select(keys, true, t('audit_selected_suspect', [count(keys.length)]));
  }

  async function report() {
    const keys = toReport.map((row) => row.key);
    if (keys.length === 0) return;
    const total = { reported: 0, already: 0, failed: 0 };
    setReporting({ done: 0, total: keys.length });
    let done = 0;
    try {
      for (const batch of batches(keys, REPORT_BATCH)) {
        const outcome = await sendMessage('reportAudited', { keys: batch });
        total.reported += outcome.reported;
        total.already += outcome.already;
        total.failed += outcome.failed;
        done += batch.length;
        setReporting({ done, total: keys.length });
      }
      say(reportOutcomeWords(total, keys.length));
    } catch (error) {
      const before = done > 0 ? `${reportOutcomeWords(total, done)} ` : '';
      say(`${before}${t('audit_report_error', [errorText(error), count(keys.length - done)])}`, 'alert');
    } finally {
      setReporting(undefined);
      await props.refresh();
    }
  }

  const busy = reporting !== undefined || selecting;
  return (
    <fieldset class="cg-audit-bulk">
      <legend class="cg-visually-hidden">{t('audit_bulk_label')}</legend>
      <div class="cg-audit-buttons">
        <button type="button" class="cg-button" disabled={busy} onClick={selectSuspect}>
          {t('audit_select_suspect')}
        </button>
        <button
          type="button"
          class="cg-button"
          disabled={busy || selected.length === 0}
          onClick={() =>
            void select(
              selected.map((row) => row.key),
              false,
              t('audit_selection_cleared'),
            )
          }
        >
          {t('audit_clear_selection')}
        </button>
        <button
          type="button"
          class="cg-button cg-button-primary"
          disabled={busy || toReport.length === 0}
          aria-describedby="audit-report-hint"
          onClick={() => void report()}
        >
          {t('audit_report_selected', [count(toReport.length)])}
        </button>
      </div>
      <p id="audit-report-hint" class="cg-hint">
        {t('audit_report_hint')}
      </p>
      {reporting && (
        <div class="cg-audit-progressbar">
          <label for="audit-report-progress">
            {t('audit_reporting', [count(reporting.done), count(reporting.total)])}
          </label>
          <progress id="audit-report-progress" max={reporting.total} value={reporting.done} />
        </div>
      )}
    </fieldset>
  );
}
