import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type AuditRow, countsOf } from '../../src/audit/model';
import { errorText } from '../../src/error-text';
import { sendMessage } from '../../src/messaging/protocol';
import { count, t, uiLanguage } from '../../src/ui/i18n';
import { AuditGrid } from './AuditGrid';
import { BulkActions, changeSelection } from './BulkActions';
import { ExportActions } from './ExportActions';
import { createHighlightRequests } from './highlighter';
import { ListFilters } from './ListFilters';
import { ReasonsPanel } from './ReasonsPanel';
import {
  FIRST_DIRECTION,
  type Filter,
  filterRows,
  marketplaceOfUrl,
  marketplacesOf,
  NO_FILTER,
  pageRows,
  type Sort,
  type SortKey,
  SUSPECT_FIRST,
  sessionRows,
  sortRows,
  type ViewRow,
} from './rows';
import { BrandsNotice, knownBrands, type Say, SessionControls } from './SessionControls';
import { useAuditedBrands, useRegistry, useSession, useTabEntries } from './useAuditData';
import { type TabState, useAuditTab } from './useAuditTab';

type ViewName = 'page' | 'session';
const NO_ROWS: AuditRow[] = [];
const VIEWS: ViewName[] = ['page', 'session'];

/** The order and filter of one view's list: suspect listings first until the volunteer picks another order. */
function useListControls() {
  const [sort, setSort] = useState<Sort>(SUSPECT_FIRST);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const sortBy = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: FIRST_DIRECTION[key] },
    );
  return { sort, filter, setFilter, sortBy, resetKey: JSON.stringify([sort, filter]) };
}

/**
 * The audit view (side panel, sidebar, or a page with `?tab=ID`): live for the tab shown, every
 * listing that invokes the brands audited; and the open session's listings across pages, to
 * select, report in bulk and export as evidence.
 */
export function AuditView({ search }: { search: string }) {
  const tab = useAuditTab(search);
  const registry = useRegistry();
  const audited = useAuditedBrands();
  const session = useSession();
  const tabId = tab.kind === 'tab' ? tab.id : undefined;
  const entries = useTabEntries(tabId, tab.kind === 'tab' ? tab.url : undefined);
  const [view, setView] = useState<ViewName>('page');
  const [notice, setNotice] = useState<{ words: string; tone: 'status' | 'alert' }>({ words: '', tone: 'status' });
  const [reasons, setReasons] = useState<ViewRow | undefined>(undefined);
  const [focusRequest, setFocusRequest] = useState<{ key: string; at: number } | undefined>(undefined);
  const pageControls = useListControls();
  const sessionControls = useListControls();
  const tabRefs = useRef<Record<ViewName, HTMLButtonElement | null>>({ page: null, session: null });

  const say: Say = (words, tone = 'status') => setNotice({ words, tone });

  // Hovering or focusing a row of this page outlines its listing there; one outline at a time.
  const highlighter = useMemo(
    () =>
      tabId === undefined
        ? undefined
        : createHighlightRequests((key) => void sendMessage('highlightListing', { tabId, key }).catch(() => undefined)),
    [tabId],
  );
  useEffect(() => () => highlighter?.stop(), [highlighter]);
  useEffect(() => {
    if (view !== 'page') highlighter?.stop();
  }, [view, highlighter]);

  const brands = useMemo(() => knownBrands(registry, audited), [registry, audited]);
  const brandIds = useMemo(() => new Set(brands.map((brand) => brand.id)), [brands]);
  const held = useMemo(() => (session.load.kind === 'ready' ? session.load.value.rows : NO_ROWS), [session.load]);
  const heldByKey = useMemo(() => new Map(held.map((row) => [row.key, row])), [held]);

  const thisPage = useMemo(
    () => (entries.kind === 'ready' ? pageRows(entries.value, brandIds, heldByKey) : []),
    [entries, brandIds, heldByKey],
  );
  const inSession = useMemo(() => sessionRows(held), [held]);

  const controls = view === 'page' ? pageControls : sessionControls;
  const rows = view === 'page' ? thisPage : inSession;
  const shown = useMemo(
    () => sortRows(filterRows(rows, controls.filter), controls.sort, uiLanguage()),
    [rows, controls.filter, controls.sort],
  );
  const marketplaces = useMemo(() => marketplacesOf(rows), [rows]);

  const summary = session.load.kind === 'ready' ? session.load.value.summary : null;
  const counts = useMemo(() => (summary ? countsOf(summary.session, held) : undefined), [summary, held]);

  function switchTo(next: ViewName, focus = false) {
    setView(next);
    setReasons(undefined);
    if (focus) tabRefs.current[next]?.focus();
  }

  function onTabKey(event: KeyboardEvent) {
    const index = VIEWS.indexOf(view);
    let next: number;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (index + 1) % VIEWS.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (index - 1 + VIEWS.length) % VIEWS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = VIEWS.length - 1;
    else return;
    event.preventDefault();
    switchTo(VIEWS[next]!, true);
  }

  async function select(row: ViewRow, selected: boolean) {
    try {
      await changeSelection([row.key], selected, session.patch);
    } catch (error) {
      say(t('audit_select_error', [errorText(error)]), 'alert');
      await session.refresh();
    }
  }

  function closeReasons() {
    const row = reasons;
    setReasons(undefined);
    if (row) setFocusRequest({ key: row.key, at: Date.now() });
  }

  const tabLabel = (name: ViewName) =>
    name === 'page' ? t('audit_tab_page', [count(thisPage.length)]) : t('audit_tab_session', [count(inSession.length)]);

  return (
    <main class="cg-audit">
      <header class="cg-audit-top">
        <h1>{t('audit_title')}</h1>
        <div id="audit-brands">
          <BrandsNotice registry={registry} audited={audited} />
        </div>
        <SessionControls
          session={session.load}
          {...(counts ? { counts } : {})}
          canStart={brands.length > 0}
          refresh={session.refresh}
          say={say}
        />
      </header>
      <div class="cg-audit-tabs" role="tablist" aria-label={t('audit_tabs_label')}>
        {VIEWS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`audit-tab-${name}`}
            aria-selected={view === name}
            aria-controls={view === name ? `audit-panel-${name}` : undefined}
            tabIndex={view === name ? 0 : -1}
            ref={(element) => {
              tabRefs.current[name] = element;
            }}
            onClick={() => switchTo(name)}
            onKeyDown={onTabKey}
          >
            {tabLabel(name)}
          </button>
        ))}
      </div>
      <section class="cg-audit-panel" role="tabpanel" id={`audit-panel-${view}`} aria-labelledby={`audit-tab-${view}`}>
        {view === 'page' ? (
          <PageEmpty tab={tab} entries={entries} rows={thisPage.length} brands={brands.length} />
        ) : (
          <SessionEmpty load={session.load} rows={inSession.length} />
        )}
        {rows.length > 0 && (
          <>
            <ListFilters
              id={`audit-filter-${view}`}
              filter={controls.filter}
              onChange={controls.setFilter}
              marketplaces={marketplaces}
              shown={shown.length}
              total={rows.length}
            />
            {shown.length === 0 && <p class="cg-audit-empty">{t('audit_filtered_none')}</p>}
            <AuditGrid
              key={view}
              id={`audit-grid-${view}`}
              label={t(view === 'page' ? 'audit_grid_page_label' : 'audit_grid_session_label')}
              rows={shown}
              sort={controls.sort}
              onSort={controls.sortBy}
              selectable={view === 'session'}
              onSelect={(row, selected) => void select(row, selected)}
              {...(view === 'page' && highlighter ? { onHighlight: (key: string | null) => highlighter.set(key) } : {})}
              onReasons={(row) => setReasons((open) => (open?.key === row.key ? undefined : row))}
              {...(reasons ? { reasonsOpen: reasons.key } : {})}
              reasonsPanelId="audit-reasons"
              resetKey={view === 'page' ? `${controls.resetKey}:${tabId}` : controls.resetKey}
              {...(focusRequest ? { focusRequest } : {})}
            />
            {reasons && <ReasonsPanel id="audit-reasons" row={reasons} onClose={closeReasons} />}
          </>
        )}
        {view === 'session' && summary && (
          <>
            <BulkActions rows={inSession} shown={shown} patch={session.patch} refresh={session.refresh} say={say} />
            <ExportActions rows={shown} say={say} />
          </>
        )}
      </section>
      <div class="cg-audit-notices">
        <p class="cg-audit-notice-line" role="status">
          {notice.tone === 'status' ? notice.words : ''}
        </p>
        <p class="cg-audit-alert" role="alert">
          {notice.tone === 'alert' ? notice.words : ''}
        </p>
      </div>
    </main>
  );
}

/** Why "This page" shows no rows, in words. */
function PageEmpty(props: { tab: TabState; entries: ReturnType<typeof useTabEntries>; rows: number; brands: number }) {
  const { tab, entries } = props;
  if (tab.kind === 'loading') return <p class="cg-audit-empty">{t('audit_tab_loading')}</p>;
  if (tab.kind === 'none') return <p class="cg-audit-empty">{t('audit_no_tab')}</p>;
  if (entries.kind === 'loading') return <p class="cg-audit-empty">{t('audit_page_loading')}</p>;
  if (entries.kind === 'error') return <p role="alert">{t('audit_page_error', [entries.detail])}</p>;
  if (props.rows > 0) return null;
  if (entries.value.length === 0)
    return (
      <p class="cg-audit-empty">{marketplaceOfUrl(tab.url) ? t('audit_page_nothing') : t('audit_not_marketplace')}</p>
    );
  // No brand chosen (or none the registry knows): the notice above says what to do.
  if (props.brands === 0) return <p class="cg-audit-empty">{t('audit_page_no_brands')}</p>;
  return <p class="cg-audit-empty">{t('audit_page_none_audited', [count(entries.value.length)])}</p>;
}

/** Why "Session" shows no rows, in words. */
function SessionEmpty(props: { load: ReturnType<typeof useSession>['load']; rows: number }) {
  const { load } = props;
  if (load.kind !== 'ready' || props.rows > 0) return null;
  if (!load.value.summary) return <p class="cg-audit-empty">{t('audit_no_session')}</p>;
  return <p class="cg-audit-empty">{t('audit_session_empty')}</p>;
}
