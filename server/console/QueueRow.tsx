import type { Ref } from 'preact';
import { formatMoney } from '../../src/words/numbers';
import { describeReason } from '../../src/words/reasons';
import { marketplaceName } from '../../src/words/words';
import type { ReportedListing } from '../src/queue';
import type { Decision } from './decisions';
import { hrefOf } from './route';
import { count, day, LANGUAGE, say, WORDS } from './words';

/** Level by word and icon, never colour alone. */
const LEVELS = [
  { level: 'high', icon: '▲', key: 'level_high' },
  { level: 'caution', icon: '◆', key: 'level_caution' },
  { level: 'none', icon: '○', key: 'level_none' },
  { level: 'unknown', icon: '?', key: 'level_unknown' },
] as const;

interface Props {
  listing: ReportedListing;
  /** The row's place in the whole queue, header row first (aria-rowindex). */
  index: number;
  rowRef: Ref<HTMLTableRowElement>;
  focused: boolean;
  selected: boolean;
  pending: Decision | undefined;
  /** A seller has an open appeal about it. */
  appealed: boolean;
  onFocus: () => void;
  onToggle: () => void;
  onDecide: (decision: 'confirm' | 'reject') => void;
  onDismiss: (id: string) => void;
  onScreenshot: (sha256: string) => void;
}

export function QueueRow(props: Props) {
  const { listing, pending } = props;
  return (
    <tr
      ref={props.rowRef}
      tabIndex={props.focused ? 0 : -1}
      aria-rowindex={props.index}
      aria-selected={props.selected}
      class={props.focused ? 'focused' : undefined}
      onFocus={props.onFocus}
    >
      <td>
        <input
          type="checkbox"
          checked={props.selected}
          aria-label={say('select_listing', [listing.title])}
          onChange={props.onToggle}
        />
      </td>
      <td class="listing">
        <a href={listing.url} target="_blank" rel="noopener noreferrer" title={say('open_listing')}>
          {listing.title}
        </a>
        <span class="key">
          {marketplaceName(listing.marketplace, WORDS)} · {listing.key}
          {listing.seller ? ` · ${listing.seller}` : ''}
        </span>
        {props.appealed && (
          <a class="appealed" href={hrefOf({ view: 'appeals' })}>
            {say('appealed')}
          </a>
        )}
        {listing.screenshot && (
          <button type="button" class="link" onClick={() => props.onScreenshot(listing.screenshot!)}>
            {say('show_screenshot')}
          </button>
        )}
      </td>
      <td>{say('reporters_count', [count(listing.reporters), count(listing.reports)])}</td>
      <td>
        {day(listing.firstAt) === day(listing.lastAt)
          ? day(listing.lastAt)
          : say('reported_span', [day(listing.firstAt), day(listing.lastAt)])}
      </td>
      <td>
        <ul class="plain">
          {LEVELS.filter(({ level }) => listing.levels[level]).map(({ level, icon, key }) => (
            <li key={level} class={`level level-${level}`}>
              <span aria-hidden="true">{icon} </span>
              {say('level_count', [WORDS.t(key), count(listing.levels[level]!)])}
            </li>
          ))}
        </ul>
      </td>
      <td>
        <ul class="plain reasons">
          {listing.reasons.map((reason) => (
            <li key={reason.code}>
              {describeReason(reason, WORDS)} <span class="times">×{count(reason.count)}</span>
            </li>
          ))}
        </ul>
      </td>
      <td>{listing.price ? formatMoney(listing.price.amount, listing.price.currency, LANGUAGE) : say('no_price')}</td>
      <td class="status">
        {pending ? (
          <Pending decision={pending} onDismiss={props.onDismiss} />
        ) : (
          <>
            <span class={`status-${listing.status}`}>{say(`status_${listing.status}`)}</span>
            {listing.review?.note && (
              <span class="review">
                {listing.review.by ? say('reviewed_by', [listing.review.by, listing.review.note]) : listing.review.note}
              </span>
            )}
          </>
        )}
      </td>
      <td class="actions">
        <button
          type="button"
          aria-label={say('confirm_listing', [listing.title])}
          onClick={() => props.onDecide('confirm')}
        >
          {say('confirm')}
        </button>
        <button
          type="button"
          aria-label={say('reject_listing', [listing.title])}
          onClick={() => props.onDecide('reject')}
        >
          {say('reject')}
        </button>
      </td>
    </tr>
  );
}

function Pending({ decision, onDismiss }: { decision: Decision; onDismiss: (id: string) => void }) {
  if (decision.refused)
    return (
      <span class="problem">
        {say('decision_failed', [decision.refused])}{' '}
        <button type="button" class="link" onClick={() => onDismiss(decision.id)}>
          {say('close')}
        </button>
      </span>
    );
  if (decision.retryAt)
    return (
      <span class="pending">
        {say('decision_retrying', [Math.max(1, Math.round((decision.retryAt - Date.now()) / 1000))])}
      </span>
    );
  return <span class="pending">{say('decision_pending')}</span>;
}
