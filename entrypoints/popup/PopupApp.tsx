import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorText } from '../../src/error-text';
import { sendMessage, type TabEntry } from '../../src/messaging/protocol';
import { count, type MessageKey, t } from '../../src/ui/i18n';
import { AuditViewButton } from './AuditViewButton';
import { EntryList } from './EntryList';
import { groupEntries } from './groups';
import { Verdict } from './Verdict';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; detail: string }
  | { kind: 'ready'; tabId: number | undefined; entries: TabEntry[] };

/**
 * The tab whose listings to show: the active tab of this window, or the one named by
 * `?tab=ID` when the popup is opened as a page of its own (then it is the active tab).
 */
async function targetTabId(): Promise<number | undefined> {
  const named = new URLSearchParams(location.search).get('tab');
  if (named !== null && /^\d+$/.test(named)) return Number(named);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function PopupApp() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    document.title = t('extName');
    targetTabId()
      .then(async (tabId) => ({
        tabId,
        entries: tabId === undefined ? [] : await sendMessage('getTabAssessments', tabId),
      }))
      .then(({ tabId, entries }) => setState({ kind: 'ready', tabId, entries }))
      .catch((error: unknown) => setState({ kind: 'error', detail: errorText(error) }));
  }, []);
  const groups = useMemo(() => (state.kind === 'ready' ? groupEntries(state.entries) : undefined), [state]);

  return (
    <main class="cg-popup">
      <h1>{t('popup_title')}</h1>
      {state.kind === 'loading' && <p role="status">{t('popup_loading')}</p>}
      {state.kind === 'error' && <p role="alert">{t('popup_error', [state.detail])}</p>}
      {state.kind === 'ready' && state.entries.length === 0 && <p>{t('popup_empty')}</p>}
      {state.kind === 'ready' && groups && state.entries.length > 0 && (
        <>
          <Verdict groups={groups} />
          {state.entries.length === 1 ? (
            // A product page: its one listing is the page, shown whatever is said of it.
            <EntryList entries={state.entries} tabId={state.tabId} />
          ) : (
            <>
              {groups.suspect.length > 0 && <EntryList entries={groups.suspect} tabId={state.tabId} />}
              <Fold entries={groups.clear} tabId={state.tabId} summary="popup_fold_clear" />
              <Fold entries={groups.unassessed} tabId={state.tabId} summary="popup_fold_unassessed" />
            </>
          )}
        </>
      )}
      <nav class="cg-popup-links" aria-label={t('popup_links_label')}>
        <button type="button" class="cg-link-button" onClick={() => void openPage('/options.html')}>
          {t('popup_link_settings')}
        </button>
        <button
          type="button"
          class="cg-link-button"
          onClick={() => void openPage('/options.html#report-history-heading')}
        >
          {t('popup_link_history')}
        </button>
        <button type="button" class="cg-link-button" onClick={() => void openPage('/help.html')}>
          {t('popup_link_help')}
        </button>
        {state.kind === 'ready' && <AuditViewButton tabId={state.tabId} />}
      </nav>
    </main>
  );
}

/** Listings folded away under their count, drawn only once opened. */
function Fold({ entries, tabId, summary }: { entries: TabEntry[]; tabId: number | undefined; summary: MessageKey }) {
  const [open, setOpen] = useState(false);
  if (entries.length === 0) return null;
  return (
    <details class="cg-fold" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t(summary, [count(entries.length)])}</summary>
      {open && <EntryList entries={entries} tabId={tabId} />}
    </details>
  );
}

/** One of the extension's pages in a tab of its own; the popup closes, as it would on any click away. */
async function openPage(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path as '/options.html' | '/help.html') });
  window.close();
}
