import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { count, type MessageKey, t, uiLanguage } from '../../src/ui/i18n';
import { LevelLabel } from '../../src/ui/LevelLabel';
import { ReasonList } from '../../src/ui/ReasonList';
import { webUrl } from '../../src/ui/web-url';
import { formatMoney } from '../../src/words/numbers';
import type { Sort, SortKey, ViewRow } from './rows';

/** Every row is this tall (the CSS keeps it so), which is what lets the list draw only what is in view. */
export const ROW_HEIGHT = 72;
/** Rows drawn above and below the visible ones, so that a scroll finds them drawn already. */
const OVERSCAN = 6;
/** The list's height while the page cannot measure it (or a test's DOM, which never lays out). */
const FALLBACK_VIEWPORT = 600;

interface AuditGridProps {
  id: string;
  /** The table's caption, for screen readers. */
  label: string;
  rows: readonly ViewRow[];
  sort: Sort;
  onSort: (key: SortKey) => void;
  /** Rows carry a selection checkbox (the session). */
  selectable: boolean;
  onSelect?: (row: ViewRow, selected: boolean) => void;
  /** The row pointed at or focused (null: none), for outlining its listing on the page. */
  onHighlight?: (key: string | null) => void;
  /** Shows or hides the row's reasons in full. */
  onReasons: (row: ViewRow) => void;
  /** The key of the row whose reasons are open, if any. */
  reasonsOpen?: string;
  /** The panel that shows reasons in full. */
  reasonsPanelId: string;
  /** Changes when the order or the filter does: the list goes back to its top. */
  resetKey: string;
  /** Asks for the keyboard on this row (its key), e.g. once its reasons are closed. */
  focusRequest?: { key: string; at: number };
}

const SORTABLE: Record<SortKey, MessageKey> = {
  order: 'audit_col_order',
  title: 'audit_col_title',
  price: 'audit_col_price',
  seller: 'audit_col_seller',
  level: 'audit_col_level',
};

/**
 * The audit list: a table that draws only the rows in view plus a few either side. Each row is
 * placed at its index × the fixed row height in a body as tall as every row together, so
 * thousands of rows cost the DOM a few dozen; aria-rowcount and aria-rowindex tell screen readers
 * where they are. The row that has the keyboard is always drawn. Up and down arrows, Page Up/Down,
 * Home and End move the keyboard between rows (to the row's checkbox, or its link), and only the
 * row that has it is in the Tab order, so Tab leaves the list instead of walking every row.
 */
export function AuditGrid(props: AuditGridProps) {
  const { rows, selectable, sort } = props;
  const scroller = useRef<HTMLTableSectionElement>(null);
  const [firstVisible, setFirstVisible] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  const [active, setActive] = useState(0);
  const focusWanted = useRef<number | undefined>(undefined);

  // The list's own height, followed as the panel is resized.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setViewport(element.clientHeight || FALLBACK_VIEWPORT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new order or filter starts from the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setFirstVisible(0);
    setActive(0);
  }, [props.resetKey]);

  const last = rows.length - 1;
  const activeIndex = Math.min(active, Math.max(0, last));

  /** Gives the keyboard to the row wanted, if it is drawn; answers whether it could. */
  function focusWantedRow(): boolean {
    const wanted = focusWanted.current;
    if (wanted === undefined) return true;
    const target = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${wanted}"] [data-focus]`);
    if (!target) return false;
    focusWanted.current = undefined;
    target.focus({ preventScroll: true });
    return true;
  }

  // A row not drawn yet gets the keyboard once it is (an effect of an earlier render may run first).
  useEffect(() => {
    focusWantedRow();
  });

  // Only a new request moves the keyboard; the rows changing under it do not.
  useEffect(() => {
    const request = props.focusRequest;
    if (!request) return;
    const index = rows.findIndex((row) => row.key === request.key);
    if (index >= 0) moveTo(index);
  }, [props.focusRequest]);

  function reveal(index: number) {
    const element = scroller.current;
    if (!element) return;
    const top = index * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + viewport) element.scrollTop = top + ROW_HEIGHT - viewport;
    setFirstVisible(Math.floor(element.scrollTop / ROW_HEIGHT));
  }

  function moveTo(index: number) {
    if (last < 0) return;
    const target = Math.max(0, Math.min(last, index));
    setActive(target);
    reveal(target);
    focusWanted.current = target;
    focusWantedRow();
  }

  function onKeyDown(event: KeyboardEvent) {
    const rowElement = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    if (!rowElement || event.altKey || event.metaKey) return;
    const index = Number(rowElement.dataset.index);
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next);
  }

  function onScroll() {
    const element = scroller.current;
    if (element) setFirstVisible(Math.floor(element.scrollTop / ROW_HEIGHT));
  }

  // The rows to draw: those in view, the overscan either side, and the one with the keyboard.
  const start = Math.max(0, firstVisible - OVERSCAN);
  const end = Math.min(last, firstVisible + Math.ceil(viewport / ROW_HEIGHT) + OVERSCAN);
  const drawn: number[] = [];
  if (activeIndex < start && activeIndex <= last) drawn.push(activeIndex);
  for (let index = start; index <= end; index++) drawn.push(index);
  if (activeIndex > end && activeIndex <= last) drawn.push(activeIndex);

  const hintId = `${props.id}-hint`;
  return (
    <>
      <p id={hintId} class="cg-visually-hidden">
        {t('audit_grid_hint')}
      </p>
      <table
        id={props.id}
        class={`cg-audit-table${selectable ? ' cg-audit-selectable' : ''}`}
        aria-rowcount={rows.length + 1}
        aria-describedby={hintId}
      >
        <caption class="cg-visually-hidden">{props.label}</caption>
        <thead>
          <tr aria-rowindex={1} class="cg-audit-head">
            <th scope="col" class="cg-visually-hidden">
              {t('audit_col_number')}
            </th>
            {selectable && (
              <th scope="col" class="cg-visually-hidden">
                {t('audit_col_select')}
              </th>
            )}
            {header('level')}
            {header('title')}
            {header('price')}
            {header('seller')}
            <th scope="col" class="cg-visually-hidden">
              {t('audit_col_reasons')}
            </th>
            <th scope="col" class="cg-visually-hidden">
              {t('audit_col_status')}
            </th>
            <th scope="col" class="cg-visually-hidden">
              {t('audit_col_image')}
            </th>
            {header('order')}
          </tr>
        </thead>
        <tbody
          ref={scroller}
          class="cg-audit-body"
          style={{ '--cg-audit-height': `${rows.length * ROW_HEIGHT}px` }}
          onScroll={onScroll}
          onKeyDown={onKeyDown}
        >
          {drawn.map((index) => rowView(rows[index]!, index))}
        </tbody>
      </table>
    </>
  );

  function header(key: SortKey) {
    const current = sort.key === key;
    return (
      <th scope="col" class={`cg-audit-h cg-audit-h-${key}`} aria-sort={current ? sort.direction : undefined}>
        <button
          type="button"
          class={`cg-audit-sort${current ? ' cg-audit-sort-on' : ''}`}
          onClick={() => props.onSort(key)}
        >
          {t(SORTABLE[key])}{' '}
          <span aria-hidden="true" class="cg-audit-sort-mark">
            {current ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  }

  function rowView(row: ViewRow, index: number) {
    const { listing, assessment } = row;
    const tabIndex = index === activeIndex ? 0 : -1;
    const href = webUrl(listing.url);
    const image = webUrl(listing.images?.[0]);
    const price = listing.price ? formatMoney(listing.price.amount, listing.price.currency, uiLanguage()) : undefined;
    const seller = listing.seller?.name || undefined;
    const cell = (name: string) => `${props.id}-${index}-${name}`;
    // The link names the listing; the level, price and seller cells describe it.
    const described = `${cell('level')} ${cell('price')} ${cell('seller')}`;
    return (
      <tr
        key={row.key}
        aria-rowindex={index + 2}
        data-index={index}
        data-key={row.key}
        class={`cg-audit-row cg-audit-row-${assessment.level}${row.selected ? ' cg-audit-row-selected' : ''}`}
        style={{ top: `${index * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
        onMouseEnter={() => props.onHighlight?.(row.key)}
        onMouseLeave={() => props.onHighlight?.(null)}
        onFocusIn={() => {
          if (active !== index) setActive(index);
          props.onHighlight?.(row.key);
        }}
        onFocusOut={() => props.onHighlight?.(null)}
      >
        {/* The row's place in the list as shown, so the numbers run on without a gap whatever the order or filter. */}
        <td class="cg-audit-c-number">{count(index + 1)}</td>
        {selectable && (
          <td class="cg-audit-c-select">
            <input
              type="checkbox"
              data-focus
              tabIndex={tabIndex}
              checked={row.selected}
              aria-label={t('audit_select_label', [listing.title])}
              aria-describedby={described}
              onChange={(event) => props.onSelect?.(row, event.currentTarget.checked)}
            />
          </td>
        )}
        <td id={cell('level')} class="cg-audit-c-level">
          <LevelLabel level={assessment.level} />
        </td>
        <td class="cg-audit-c-title">
          {href ? (
            <a
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              title={listing.title}
              tabIndex={tabIndex}
              aria-describedby={selectable ? undefined : described}
              {...(selectable ? {} : { 'data-focus': true })}
            >
              <bdi>{listing.title}</bdi>
              <span class="cg-visually-hidden"> {t('audit_new_tab')}</span>
            </a>
          ) : (
            <bdi title={listing.title}>{listing.title}</bdi>
          )}
        </td>
        <td id={cell('price')} class={`cg-audit-c-price${price ? '' : ' cg-audit-missing'}`}>
          {price ?? t('audit_no_price')}
        </td>
        <td id={cell('seller')} class={`cg-audit-c-seller${seller ? '' : ' cg-audit-missing'}`} title={seller}>
          {seller ?? t('audit_no_seller')}
        </td>
        <td class="cg-audit-c-reasons">
          {assessment.reasons.length > 0 ? (
            <>
              <ReasonList reasons={assessment.reasons} level={assessment.level} />
              <button
                type="button"
                class="cg-audit-why"
                tabIndex={tabIndex}
                aria-label={t('audit_reasons_label', [listing.title])}
                aria-expanded={props.reasonsOpen === row.key}
                aria-controls={props.reasonsOpen === row.key ? props.reasonsPanelId : undefined}
                {...(href || selectable ? {} : { 'data-focus': true })}
                onClick={() => props.onReasons(row)}
              >
                {t('audit_reasons_show', [assessment.reasons.length])}
              </button>
            </>
          ) : (
            <span class="cg-audit-missing">{t('audit_no_reasons')}</span>
          )}
        </td>
        <td class="cg-audit-c-status">
          {row.reported && (
            <span class="cg-audit-reported">
              <span aria-hidden="true">✓</span> {t('audit_reported')}
            </span>
          )}
        </td>
        <td class="cg-audit-c-thumb">
          {image ? (
            <img
              src={image}
              alt=""
              loading="lazy"
              decoding="async"
              referrerpolicy="no-referrer"
              width={36}
              height={36}
              onError={(event) => {
                event.currentTarget.hidden = true;
              }}
            />
          ) : (
            <span class="cg-audit-noimage">{t('audit_no_image')}</span>
          )}
        </td>
        {/* Under the Page order column, for screen readers: the number shown first is the row's place in the list, this its place on the page. */}
        <td class="cg-audit-c-order cg-visually-hidden">{count(row.order + 1)}</td>
      </tr>
    );
  }
}
