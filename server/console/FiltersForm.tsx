import { MARKETPLACES } from '../../src/listing/listing';
import { REVIEW_STATUSES, type ReviewStatus } from '../../src/reports/report';
import { REASON_CODES, type ReasonCode } from '../../src/risk/assessment';
import { marketplaceName } from '../../src/words/words';
import { LISTING_SORTS, type ListingSort } from '../src/queue';
import { type ConsoleKey, say, WORDS } from './words';

export interface Filters {
  status: ReviewStatus | '';
  marketplace: string;
  reason: ReasonCode | '';
  /** yyyy-mm-dd, as a date input gives it; empty for none. */
  since: string;
  until: string;
  sort: ListingSort;
}

export const NO_FILTERS: Filters = {
  status: 'open',
  marketplace: '',
  reason: '',
  since: '',
  until: '',
  sort: 'recent',
};

/** The listings route's query for these filters and this page. */
export function queryOf(filters: Filters, limit: number, offset: number): string {
  const query = new URLSearchParams({ sort: filters.sort, limit: String(limit), offset: String(offset) });
  if (filters.status) query.set('status', filters.status);
  if (filters.marketplace) query.set('marketplace', filters.marketplace);
  if (filters.reason) query.set('reason', filters.reason);
  if (filters.since) query.set('since', new Date(`${filters.since}T00:00:00`).toISOString());
  // "Until" a day includes that day.
  if (filters.until)
    query.set('until', new Date(new Date(`${filters.until}T00:00:00`).getTime() + 86_400_000).toISOString());
  return query.toString();
}

export function FiltersForm({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const set = <K extends keyof Filters>(name: K, value: Filters[K]) => onChange({ ...filters, [name]: value });
  const select = <K extends 'status' | 'marketplace' | 'reason' | 'sort'>(
    name: K,
    label: ConsoleKey,
    options: readonly { value: string; words: string }[],
    any: boolean,
  ) => (
    <label>
      {say(label)}
      <select value={filters[name]} onChange={(event) => set(name, event.currentTarget.value as Filters[K])}>
        {any && <option value="">{say('filter_any')}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.words}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form class="filters" onSubmit={(event) => event.preventDefault()}>
      {select(
        'status',
        'filter_status',
        REVIEW_STATUSES.map((status) => ({ value: status, words: say(`status_${status}`) })),
        true,
      )}
      {select(
        'marketplace',
        'filter_marketplace',
        MARKETPLACES.map((marketplace) => ({ value: marketplace, words: marketplaceName(marketplace, WORDS) })),
        true,
      )}
      {select(
        'reason',
        'filter_reason',
        REASON_CODES.map((code) => ({ value: code, words: say(`reason_name_${code}`) })),
        true,
      )}
      <label>
        {say('filter_since')}
        <input type="date" value={filters.since} onChange={(event) => set('since', event.currentTarget.value)} />
      </label>
      <label>
        {say('filter_until')}
        <input type="date" value={filters.until} onChange={(event) => set('until', event.currentTarget.value)} />
      </label>
      {select(
        'sort',
        'filter_sort',
        LISTING_SORTS.map((sort) => ({ value: sort, words: say(`sort_${sort}`) })),
        false,
      )}
    </form>
  );
}
