import { useEffect, useRef, useState } from 'preact/hooks';
import type { Appeal } from '../src/queue';
import { call, type ListingsPage } from './api';
import type { Decision, Decisions } from './decisions';
import { FileDialog } from './FileDialog';
import { type Filters, FiltersForm, NO_FILTERS, queryOf } from './FiltersForm';
import { HelpDialog } from './HelpDialog';
import { LoadState, useServiceCall } from './load';
import { NoteDialog } from './NoteDialog';
import { QueueRow } from './QueueRow';
import { hrefOf } from './route';
import { ScreenshotDialog } from './ScreenshotDialog';
import { count, say } from './words';

const PAGE_SIZE = 50;

interface Props {
  token: string;
  /** The decisions on their way to the service, kept by the console while the token is. */
  decisions: Decisions;
  onSignedOut: () => void;
}

/** The review queue: one row per reported listing, paged from the service, decided by mouse or keyboard. */
export function Queue({ token, decisions, onSignedOut }: Props) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const { loaded, reload, set } = useServiceCall(
    () => call<ListingsPage>(token, `/v1/volunteer/listings?${queryOf(filters, PAGE_SIZE, offset)}`),
    [token, filters, offset],
    onSignedOut,
  );
  const [focused, setFocusedState] = useState(0);
  // Keys come faster than renders: the shortcuts read the focused row from here, never a stale render.
  const focusedNow = useRef(0);
  const setFocused = (index: number) => {
    focusedNow.current = index;
    setFocusedState(index);
  };
  const [selected, setSelectedState] = useState<ReadonlySet<string>>(new Set());
  const selectedNow = useRef<ReadonlySet<string>>(selected);
  const setSelected = (next: ReadonlySet<string>) => {
    selectedNow.current = next;
    setSelectedState(next);
  };
  const [asking, setAsking] = useState<{ keys: string[]; decision: 'confirm' | 'reject' }>();
  const [helping, setHelping] = useState(false);
  const [screenshot, setScreenshot] = useState<{ sha256: string; title: string }>();
  const [filing, setFiling] = useState<{ keys: string[]; marketplace: string }>();
  // Listings a seller has an open appeal about: marked in their rows, beside the reports.
  const [appealed, setAppealed] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let live = true;
    call<{ appeals: Appeal[] }>(token, '/v1/volunteer/appeals?status=open').then(
      ({ appeals }) => live && setAppealed(new Set(appeals.map((appeal) => appeal.key))),
      // The queue stands without the marks: the Appeals section says what failed.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [token, filters, offset]);
  const [pending, setPending] = useState<Decision[]>(decisions.list());
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  useEffect(() => {
    const unsubscribe = decisions.subscribe((now, done) => {
      setPending(now);
      if (!done) return;
      // The decided rows show their new status at once; the page is asked again when it turns.
      const status = done.decision.decision === 'confirm' ? 'confirmed' : 'rejected';
      set((page) => ({
        ...page,
        listings: page.listings.map((listing) =>
          listing.key in done.answer.decided
            ? { ...listing, status, review: { note: done.decision.note, by: '', at: new Date().toISOString() } }
            : listing,
        ),
      }));
    });
    return unsubscribe;
  }, [decisions]);

  // Another page or other filters: what was selected and focused was on the rows that went.
  useEffect(() => {
    setSelected(new Set());
    setFocused(0);
  }, [token, filters, offset]);

  const listings = loaded.state === 'ready' ? loaded.value.listings : [];
  const pendingFor = (key: string) => pending.find((decision) => decision.keys.includes(key));
  const toggle = (key: string) => {
    const next = new Set(selectedNow.current);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
  };
  // The selection, or the focused listing when nothing is selected.
  const chosen = () => {
    const here = listings[focusedNow.current];
    const picked = selectedNow.current;
    return picked.size ? [...picked] : here ? [here.key] : [];
  };
  const ask = (decision: 'confirm' | 'reject', keys = chosen()) => {
    if (keys.length) setAsking({ keys, decision });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (asking || helping || screenshot || filing || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, select, textarea, dialog')) return;
      const move = (by: number) => {
        const index = Math.max(0, Math.min(listings.length - 1, focusedNow.current + by));
        setFocused(index);
        rows.current[index]?.focus();
      };
      const here = listings[focusedNow.current];
      const actions: Record<string, () => void> = {
        j: () => move(1),
        k: () => move(-1),
        x: () => here && toggle(here.key),
        a: () => setSelected(new Set(listings.map((listing) => listing.key))),
        c: () => ask('confirm'),
        r: () => ask('reject'),
        '?': () => setHelping(true),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const page = loaded.state === 'ready' ? loaded.value : undefined;
  return (
    <section aria-labelledby="queue-heading">
      <div class="queue-head">
        <h2 id="queue-heading">{say('queue_heading')}</h2>
        <button type="button" onClick={() => setHelping(true)}>
          {say('shortcuts_button')}
        </button>
      </div>
      <FiltersForm
        filters={filters}
        onChange={(next) => {
          setFilters(next);
          setOffset(0);
        }}
      />
      <fieldset class="bulk" aria-label={say('bulk_selected', [count(selected.size)])}>
        <span aria-live="polite">{say('bulk_selected', [count(selected.size)])}</span>
        <button type="button" disabled={!selected.size} onClick={() => ask('confirm', [...selected])}>
          {say('bulk_confirm')}
        </button>
        <button type="button" disabled={!selected.size} onClick={() => ask('reject', [...selected])}>
          {say('bulk_reject')}
        </button>
        <button
          type="button"
          disabled={!selected.size}
          onClick={() => {
            const keys = [...selected];
            const first = listings.find((listing) => listing.key === keys[0]);
            setFiling({ keys, marketplace: first?.marketplace ?? '' });
          }}
        >
          {say('file_button')}
        </button>
      </fieldset>
      <LoadState loaded={loaded} onRetry={reload} />
      {page && page.total === 0 && <p>{say('queue_empty')}</p>}
      {page && page.total > 0 && (
        <table class="queue" aria-rowcount={page.total + 1}>
          <caption>
            {say('queue_caption', [count(offset + 1), count(offset + page.listings.length), count(page.total)])}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={say('select_page')}
                  checked={listings.length > 0 && listings.every((listing) => selected.has(listing.key))}
                  onChange={(event) =>
                    setSelected(
                      event.currentTarget.checked ? new Set(listings.map((listing) => listing.key)) : new Set(),
                    )
                  }
                />
              </th>
              <th scope="col">{say('column_listing')}</th>
              <th scope="col">{say('column_reporters')}</th>
              <th scope="col">{say('column_reported')}</th>
              <th scope="col">{say('column_levels')}</th>
              <th scope="col">{say('column_reasons')}</th>
              <th scope="col">{say('column_price')}</th>
              <th scope="col">{say('column_status')}</th>
              <th scope="col">{say('column_actions')}</th>
            </tr>
          </thead>
          <tbody>
            {listings.map((listing, index) => (
              <QueueRow
                key={listing.key}
                listing={listing}
                index={offset + index + 2}
                rowRef={(row) => {
                  rows.current[index] = row;
                }}
                focused={index === focused}
                selected={selected.has(listing.key)}
                pending={pendingFor(listing.key)}
                appealed={appealed.has(listing.key)}
                onFocus={() => setFocused(index)}
                onToggle={() => toggle(listing.key)}
                onDecide={(decision) => ask(decision, [listing.key])}
                onDismiss={(id) => decisions.dismiss(id)}
                onScreenshot={(sha256) => setScreenshot({ sha256, title: listing.title })}
              />
            ))}
          </tbody>
        </table>
      )}
      {page && page.total > PAGE_SIZE && (
        <nav class="pager" aria-label={say('queue_heading')}>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {say('page_previous')}
          </button>
          <button
            type="button"
            disabled={offset + PAGE_SIZE >= page.total}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            {say('page_next')}
          </button>
        </nav>
      )}
      {asking && (
        <NoteDialog
          heading={say(asking.decision === 'confirm' ? 'note_heading_confirm' : 'note_heading_reject', [
            count(asking.keys.length),
          ])}
          submit={say(asking.decision === 'confirm' ? 'note_submit_confirm' : 'note_submit_reject')}
          onClose={(note) => {
            if (note !== undefined) {
              decisions.decide(asking.keys, asking.decision, note);
              setSelected(new Set());
            }
            setAsking(undefined);
            rows.current[focused]?.focus();
          }}
        />
      )}
      {filing && (
        <FileDialog
          token={token}
          {...filing}
          onClose={(made) => {
            setFiling(undefined);
            if (made) location.hash = hrefOf({ view: 'filing', id: made.id });
          }}
        />
      )}
      {helping && <HelpDialog onClose={() => setHelping(false)} />}
      {screenshot && <ScreenshotDialog token={token} {...screenshot} onClose={() => setScreenshot(undefined)} />}
    </section>
  );
}
