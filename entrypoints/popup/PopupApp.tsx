import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorText } from '../../src/error-text';
import { sendMessage, type TabEntry } from '../../src/messaging/protocol';
import { t, uiLanguage } from '../../src/ui/i18n';
import { LevelLabel, levelWord } from '../../src/ui/LevelLabel';
import { ReasonList } from '../../src/ui/ReasonList';
import { ReportActions } from '../../src/ui/ReportActions';
import { formatMoney } from '../../src/words/numbers';
import { AuditViewButton } from './AuditViewButton';

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

  return (
    <main class="cg-popup">
      <h1>{t('popup_title')}</h1>
      {state.kind === 'ready' && <AuditViewButton tabId={state.tabId} />}
      {state.kind === 'loading' && <p role="status">{t('popup_loading')}</p>}
      {state.kind === 'error' && <p role="alert">{t('popup_error', [state.detail])}</p>}
      {state.kind === 'ready' && state.entries.length === 0 && <p>{t('popup_empty')}</p>}
      {state.kind === 'ready' && state.entries.length > 0 && (
        <ul class="cg-entries">
          {state.entries.map(({ listing, assessment }) => (
            <li
              key={listing.key}
              class="cg-entry"
              aria-label={t('popup_listing_label', [listing.title, levelWord(assessment.level)])}
            >
              <LevelLabel level={assessment.level} />
              <p class="cg-entry-title">
                <bdi>{listing.title}</bdi>
              </p>
              {listing.price && (
                <p class="cg-entry-meta">
                  {t('popup_price', [formatMoney(listing.price.amount, listing.price.currency, uiLanguage())])}
                </p>
              )}
              {listing.seller && <p class="cg-entry-meta">{t('popup_seller', [listing.seller.name])}</p>}
              {assessment.reasons.length > 0 && <ReasonList reasons={assessment.reasons} />}
              {state.tabId !== undefined && (
                <ReportActions
                  target={{ key: listing.key, tabId: state.tabId }}
                  genuineOffered={assessment.level === 'high' || assessment.level === 'caution'}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
