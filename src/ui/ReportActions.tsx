import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { errorText } from '../error-text';
import type { ReportTarget } from '../messaging/messages';
import { type MarketplaceLink, type ReportAnswer, sendMessage } from '../messaging/protocol';
import { type OutboxView, type ReportCategory, UNDO_MS } from '../reports/outbox-model';
import { REPORT_CATEGORIES } from '../reports/report';
import { marketplaceName } from '../words/words';
import { t, uiWords } from './i18n';
import { seenAtClick } from './seen';

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'reported'; entry: OutboxView; link?: MarketplaceLink; already: boolean }
  | { kind: 'details'; entry: OutboxView; link?: MarketplaceLink }
  | { kind: 'genuine'; entry: OutboxView }
  | { kind: 'undone' }
  /** Undo came after the report had gone: it stands, and the options page can withdraw it. */
  | { kind: 'too_late'; entry: OutboxView }
  /** The details step came after the report had gone: it went as it was. */
  | { kind: 'too_late_details'; entry: OutboxView }
  | { kind: 'limited'; limit: number; seconds: number }
  | { kind: 'not_found' }
  /** On a page: the first click asked; the second, on buttons that appear only now, acts. */
  | { kind: 'confirm'; action: 'report' | 'genuine' }
  /** On a page: the click came while the page hid or covered the buttons; nothing was done. */
  | { kind: 'covered' }
  | { kind: 'error'; detail: string };

/**
 * "Report" and "This is genuine" for one listing, with the undo, the optional details step and
 * the marketplace's own reporting link after. Only a trusted click acts: a page script cannot
 * click through (the buttons sit in a closed shadow root, and synthetic events are ignored).
 * On a page, which owns the CSS around the buttons, a click counts only where they were shown
 * and on top (seen.ts), and Report and "This is genuine" take a second click on buttons that
 * appear only after the first, so a decoy laid over them beforehand cannot take a person's click.
 */
export function ReportActions({
  target,
  genuineOffered,
  onGenuine,
  onPage = false,
}: {
  target: ReportTarget;
  /** In a page's badge or banner (not the popup, which no page can draw over). */
  onPage?: boolean;
  /** Whether "This is genuine" is offered (there is a warning to contradict). */
  genuineOffered: boolean;
  /** The warning should go: the undo window for "This is genuine" has passed. */
  onGenuine?: () => void;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const now = useNow(state.kind === 'reported' || state.kind === 'genuine');
  const statusId = useId();

  const failed = (error: unknown) => setState({ kind: 'error', detail: errorText(error) });

  function answered(answer: ReportAnswer, genuine: boolean) {
    if (answer.outcome === 'limited')
      setState({ kind: 'limited', limit: answer.limit, seconds: answer.retryInSeconds });
    else if (answer.outcome === 'not_found') setState({ kind: 'not_found' });
    else if (genuine) setState({ kind: 'genuine', entry: answer.entry });
    else
      setState({
        kind: 'reported',
        entry: answer.entry,
        already: answer.outcome === 'already',
        ...(answer.link ? { link: answer.link } : {}),
      });
  }

  // The button pressed goes away with the state it changes: focus follows to what replaces it.
  const root = useRef<HTMLFieldSetElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current || state.kind === 'working') return;
    refocus.current = false;
    root.current?.querySelector<HTMLElement>('button, a[href], input')?.focus();
  }, [state.kind]);

  const act = (work: () => Promise<void>) => (event: Event) => {
    if (!event.isTrusted) return;
    refocus.current = true;
    if (onPage && !seenAtClick(event as MouseEvent)) {
      setState({ kind: 'covered' });
      return;
    }
    work().catch(failed);
  };

  const sendReport = act(async () => {
    setState({ kind: 'working' });
    answered(await sendMessage('reportListing', target), false);
  });
  const sendGenuine = act(async () => {
    setState({ kind: 'working' });
    answered(await sendMessage('markGenuine', target), true);
  });
  const ask = (action: 'report' | 'genuine') => act(async () => setState({ kind: 'confirm', action }));
  const report = onPage ? ask('report') : sendReport;
  const genuine = onPage ? ask('genuine') : sendGenuine;
  const cancel = act(async () => setState({ kind: 'idle' }));

  // Once the undo window for "This is genuine" has passed, the warning goes.
  const genuineUntil = state.kind === 'genuine' ? state.entry.createdAt + UNDO_MS : 0;
  useEffect(() => {
    if (!genuineUntil) return;
    const timer = setTimeout(() => onGenuine?.(), Math.max(0, genuineUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [genuineUntil]);

  if (state.kind === 'details') {
    return (
      <DetailsForm
        entry={state.entry}
        onDone={(entry) =>
          setState({ kind: 'reported', entry, already: false, ...(state.link ? { link: state.link } : {}) })
        }
        onError={failed}
      />
    );
  }

  const undoLeft = (entry: OutboxView) => Math.ceil((entry.createdAt + UNDO_MS - now) / 1000);
  const undo = (entry: OutboxView) =>
    act(async () => {
      const { undone } = await sendMessage('undoReport', entry.id);
      setState(undone ? { kind: 'undone' } : { kind: 'too_late', entry });
    });

  return (
    <fieldset ref={root} class="cg-report" aria-label={t('report_actions_label')} aria-describedby={statusId}>
      <p class="cg-report-status" id={statusId} role="status">
        {state.kind === 'working' && t('report_working')}
        {state.kind === 'reported' && t(state.already ? 'report_already' : 'report_done')}
        {state.kind === 'genuine' && t('report_genuine_done')}
        {state.kind === 'undone' && t('report_undone')}
        {state.kind === 'too_late' && t('report_undo_too_late')}
        {state.kind === 'too_late_details' && t('report_details_too_late')}
        {state.kind === 'limited' && t('report_limited', [state.limit, state.seconds])}
        {state.kind === 'not_found' && t('report_not_found')}
        {state.kind === 'confirm' && t(state.action === 'report' ? 'report_confirm_report' : 'report_confirm_genuine')}
        {state.kind === 'covered' && t('report_covered')}
        {state.kind === 'error' && t('report_error', [state.detail])}
      </p>
      {(state.kind === 'idle' ||
        state.kind === 'undone' ||
        state.kind === 'limited' ||
        state.kind === 'error' ||
        state.kind === 'covered' ||
        state.kind === 'not_found') && (
        <div class="cg-report-buttons">
          {/* Reporting leads only where there is a warning; beside "No warning signs found" it stays quiet. */}
          <button type="button" class={genuineOffered ? 'cg-button' : 'cg-button cg-button-quiet'} onClick={report}>
            {t('report_button')}
          </button>
          {genuineOffered && (
            <button type="button" class="cg-button cg-button-quiet" onClick={genuine}>
              {t('report_genuine_button')}
            </button>
          )}
        </div>
      )}
      {state.kind === 'confirm' && (
        <div class="cg-report-buttons cg-report-confirm">
          <button type="button" class="cg-button" onClick={state.action === 'report' ? sendReport : sendGenuine}>
            {t(state.action === 'report' ? 'report_confirm_report_yes' : 'report_confirm_genuine_yes')}
          </button>
          <button type="button" class="cg-button cg-button-quiet" onClick={cancel}>
            {t('report_confirm_cancel')}
          </button>
        </div>
      )}
      {(state.kind === 'reported' || state.kind === 'genuine') && (
        <div class="cg-report-buttons">
          {undoLeft(state.entry) > 0 && state.entry.attempts === 0 && (
            <button type="button" class="cg-button" onClick={undo(state.entry)}>
              {t('report_undo', [undoLeft(state.entry)])}
            </button>
          )}
          {state.kind === 'reported' && !state.already && state.entry.attempts === 0 && (
            <button
              type="button"
              class="cg-button cg-button-quiet"
              onClick={act(async () => {
                const held = await sendMessage('holdReport', state.entry.id);
                if (held && held.attempts === 0)
                  setState({ kind: 'details', entry: held, ...(state.link ? { link: state.link } : {}) });
                else setState({ kind: 'too_late_details', entry: held ?? state.entry });
              })}
            >
              {t('report_details_button')}
            </button>
          )}
        </div>
      )}
      {state.kind === 'reported' && state.link && (
        <p class="cg-report-link">
          <a href={state.link.url} target="_blank" rel="noopener noreferrer">
            {t('report_marketplace_link', [marketplaceName(state.link.marketplace, uiWords)])}
          </a>
          {state.link.estimated && <span class="cg-hint"> {t('report_marketplace_link_estimated')}</span>}
        </p>
      )}
    </fieldset>
  );
}

/** The optional second step: a category and a note, while the report is held back. */
function DetailsForm({
  entry,
  onDone,
  onError,
}: {
  entry: OutboxView;
  onDone: (entry: OutboxView) => void;
  onError: (error: unknown) => void;
}) {
  const current = 'category' in entry.body ? entry.body.category : 'counterfeit';
  const [category, setCategory] = useState<ReportCategory>(current);
  const [note, setNote] = useState(entry.body.note ?? '');
  const noteId = useId();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);
  const send = (event: Event) => {
    event.preventDefault();
    if (!event.isTrusted) return;
    sendMessage('amendReport', { id: entry.id, category, ...(note.trim() ? { note } : {}) })
      .then((amended) => onDone(amended ?? entry))
      .catch(onError);
  };
  const cancel = (event: Event) => {
    if (!event.isTrusted) return;
    sendMessage('releaseReport', entry.id)
      .then((released) => onDone(released ?? entry))
      .catch(onError);
  };
  return (
    <form ref={form} class="cg-report cg-report-details" onSubmit={send}>
      <fieldset>
        <legend>{t('report_category_legend')}</legend>
        {REPORT_CATEGORIES.map((option) => (
          <label key={option} class="cg-report-choice">
            <input
              type="radio"
              name="category"
              value={option}
              checked={category === option}
              onChange={() => setCategory(option)}
            />{' '}
            {t(`report_category_${option}`)}
          </label>
        ))}
      </fieldset>
      <label for={noteId}>{t('report_note_label')}</label>
      <textarea id={noteId} maxLength={2000} rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <div class="cg-report-buttons">
        <button type="submit" class="cg-button">
          {t('report_details_send')}
        </button>
        <button type="button" class="cg-button cg-button-quiet" onClick={cancel}>
          {t('report_details_cancel')}
        </button>
      </div>
    </form>
  );
}

/** The time, ticking each second while `ticking` (for the undo countdown). */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
