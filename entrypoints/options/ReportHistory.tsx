import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../../src/error-text';
import { sendMessage } from '../../src/messaging/protocol';
import { download } from '../../src/reports/download';
import { historyCsv, historyFileName, historyJson } from '../../src/reports/history-export';
import { dueAt, type OutboxView, type SendFailure, withdrawable } from '../../src/reports/outbox-model';
import { useFollowUpRead } from '../../src/ui/follow-up';
import { date, type MessageKey, near, t, uiWords } from '../../src/ui/i18n';
import type { Load } from '../../src/ui/load';
import { webUrl } from '../../src/ui/web-url';
import { marketplaceName } from '../../src/words/words';
import { HistoryTable } from './HistoryTable';

/** How often the history is read again while the page is in view. */
export const HISTORY_REFRESH_MS = 3_000;

function reasonWords(failure: SendFailure): string {
  switch (failure.code) {
    case 'unreachable':
      return t('report_status_reason_unreachable');
    case 'consent':
      return t('report_status_reason_consent');
    case 'timeout':
      return t('report_status_reason_timeout');
    case 'server_error':
      return t('report_status_reason_server_error', [failure.status]);
    case 'rate_limited':
      return t('report_status_reason_rate_limited');
    case 'refused':
      return t('report_status_reason_refused', [failure.detail]);
  }
}

/** An entry's status in words: what happened, and what comes next. */
function statusWords(entry: OutboxView, now: number): string {
  switch (entry.status) {
    case 'queued': {
      const due = dueAt(entry) ?? now;
      if (entry.lastFailure) return t('report_status_queued_retry', [reasonWords(entry.lastFailure), near(due, now)]);
      return due > now ? t('report_status_queued', [near(due, now)]) : t('report_status_sending');
    }
    case 'sent': {
      const at = date(entry.sentAt ?? entry.createdAt);
      // The reporter asked to withdraw it and the service would not: the report stands.
      if (entry.lastFailure?.code === 'refused')
        return t('report_status_sent_withdraw_refused', [at, entry.lastFailure.detail]);
      return t('report_status_sent', [at]);
    }
    case 'failed':
      return t('report_status_failed', [reasonWords(entry.lastFailure ?? { code: 'refused', status: 0, detail: '' })]);
    case 'withdrawing':
      return entry.lastFailure
        ? t('report_status_withdrawing_retry', [reasonWords(entry.lastFailure), near(entry.nextAttemptAt, now)])
        : t('report_status_withdrawing');
    case 'withdrawn':
      return t('report_status_withdrawn');
  }
}

function screenshotWords(entry: OutboxView): string | undefined {
  if (entry.screenshotSkipped) return t(`report_status_screenshot_${entry.screenshotSkipped}` as MessageKey);
  if (entry.screenshotSha256) return t('report_status_screenshot_attached', [entry.screenshotSha256.slice(0, 12)]);
  return undefined;
}

function categoryWords(entry: OutboxView): string {
  return 'category' in entry.body
    ? t(`options_reports_category_${entry.body.category}` as MessageKey)
    : t('options_reports_category_none');
}

/**
 * Every report and "This is genuine" feedback in the outbox, newest first, with what became
 * of it in words; withdraw where that is still possible; export as CSV or JSON. Read again
 * every few seconds while the page is in view, and at once after an action.
 */
export function ReportHistory() {
  const [load, setLoad] = useState<Load<OutboxView[]>>({ kind: 'loading' });
  const [outcome, setOutcome] = useState<string>('');
  const [pending, setPending] = useState<string | undefined>(undefined);
  const alive = useRef(true);
  const outcomeRef = useRef<HTMLParagraphElement>(null);

  /** Reads the history; a read asked for while one runs follows it, so an action's effect is never missed. */
  const refresh = useFollowUpRead(async () => {
    if (!alive.current) return;
    try {
      const entries = await sendMessage('reportHistory', null);
      if (alive.current) setLoad({ kind: 'ready', value: entries });
    } catch (error) {
      if (alive.current)
        setLoad((previous) =>
          previous.kind === 'ready'
            ? { kind: 'ready', value: previous.value, stale: errorText(error) }
            : { kind: 'error', detail: errorText(error) },
        );
    }
  });

  useEffect(() => {
    alive.current = true;
    void refresh();
    const visible = () => document.visibilityState === 'visible';
    const timer = setInterval(() => {
      if (visible()) void refresh();
    }, HISTORY_REFRESH_MS);
    const onVisibility = () => {
      if (visible()) void refresh();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      alive.current = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  function say(words: string) {
    setOutcome(words);
    // The button pressed may be gone with its row's new status: keep the keyboard where the outcome is.
    outcomeRef.current?.focus();
  }

  async function withdrawEntry(entry: OutboxView) {
    const title = entry.body.listing.title;
    setPending(entry.id);
    try {
      const after = await sendMessage('withdrawReport', entry.id);
      if (!after) say(t('options_reports_withdraw_gone'));
      else if (after.status === 'withdrawn') say(t('options_reports_withdraw_done', [title]));
      else if (after.status === 'withdrawing') say(t('options_reports_withdraw_telling', [title]));
      else say(t('options_reports_withdraw_unchanged', [title]));
    } catch (error) {
      say(t('options_reports_withdraw_error', [title, errorText(error)]));
    } finally {
      if (alive.current) setPending(undefined);
      await refresh();
    }
  }

  function exportAs(format: 'csv' | 'json') {
    if (load.kind !== 'ready') return;
    const name = historyFileName(format, new Date());
    try {
      if (format === 'csv')
        // The byte order mark tells spreadsheets the file is UTF-8, so titles in any script read right.
        download(`\uFEFF${historyCsv(load.value)}`, 'text/csv;charset=utf-8', name);
      else download(historyJson(load.value), 'application/json', name);
      setOutcome(t('options_reports_export_done', [name, load.value.length]));
    } catch (error) {
      setOutcome(t('options_reports_export_error', [errorText(error)]));
    }
  }

  const now = Date.now();
  const entries = load.kind === 'ready' ? load.value : [];

  return (
    <section class="cg-history" aria-labelledby="report-history-heading">
      <h3 id="report-history-heading">{t('options_reports_history_heading')}</h3>
      {load.kind === 'loading' && <p role="status">{t('options_reports_history_loading')}</p>}
      {load.kind === 'error' && <p role="alert">{t('options_reports_history_error', [load.detail])}</p>}
      {load.kind === 'ready' && load.stale && <p role="alert">{t('options_reports_history_error', [load.stale])}</p>}
      {load.kind === 'ready' && entries.length === 0 && <p>{t('options_reports_history_empty')}</p>}
      {entries.length > 0 && (
        <HistoryTable
          caption={t('options_reports_history_caption')}
          columns={[
            t('options_reports_col_time'),
            t('options_reports_col_kind'),
            t('options_reports_col_listing'),
            t('options_reports_col_marketplace'),
            t('options_reports_col_category'),
            t('options_reports_col_status'),
            t('options_reports_col_action'),
          ]}
        >
          {entries.map((entry) => {
            const { listing } = entry.body;
            const href = webUrl(listing.url);
            const shot = screenshotWords(entry);
            return (
              <tr key={entry.id} data-id={entry.id} class={`cg-history-row cg-report-${entry.status}`}>
                <td>
                  <time dateTime={new Date(entry.createdAt).toISOString()}>{date(entry.createdAt)}</time>
                </td>
                <td>{t(entry.kind === 'report' ? 'options_reports_kind_report' : 'options_reports_kind_feedback')}</td>
                <th scope="row" class="cg-history-title">
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      <bdi>{listing.title}</bdi>
                      <span class="cg-visually-hidden"> {t('options_reports_new_tab')}</span>
                    </a>
                  ) : (
                    <bdi>{listing.title}</bdi>
                  )}
                </th>
                <td>{marketplaceName(listing.marketplace, uiWords)}</td>
                <td>{categoryWords(entry)}</td>
                <td class="cg-history-status">
                  <span class="cg-history-state">{statusWords(entry, now)}</span>
                  {shot && <span class="cg-history-shot">{shot}</span>}
                </td>
                <td>
                  {withdrawable(entry) && (
                    <button
                      type="button"
                      class="cg-button"
                      disabled={pending !== undefined}
                      aria-label={t('options_reports_withdraw_label', [listing.title])}
                      onClick={() => void withdrawEntry(entry)}
                    >
                      {t('options_reports_withdraw')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </HistoryTable>
      )}
      <p class="cg-status" role="status" tabIndex={-1} ref={outcomeRef}>
        {outcome}
      </p>
      <div class="cg-history-export">
        <button
          type="button"
          class="cg-button"
          disabled={entries.length === 0}
          aria-describedby="report-export-hint"
          onClick={() => exportAs('csv')}
        >
          {t('options_reports_export_csv')}
        </button>
        <button
          type="button"
          class="cg-button"
          disabled={entries.length === 0}
          aria-describedby="report-export-hint"
          onClick={() => exportAs('json')}
        >
          {t('options_reports_export_json')}
        </button>
      </div>
      <p id="report-export-hint" class="cg-hint">
        {t('options_reports_export_hint')}
      </p>
    </section>
  );
}
