import { useState } from 'preact/hooks';
import { marketplaceName } from '../../src/words/words';
import { type Filing, OUTCOMES, type Outcome, type ReportedListing } from '../src/queue';
import { call, downloadFrom, ServiceError } from './api';
import { outcomeCounts, removalTime } from './Filings';
import { LoadState, useServiceCall, wordsFor } from './load';
import { hrefOf } from './route';
import { count, day, say, WORDS } from './words';

/** What the volunteer has set and not yet saved: per listing, an outcome and the day it was seen. */
type Edits = Record<string, { outcome: Outcome; seen: string }>;

const today = () => new Date().toISOString().slice(0, 10);
/**
 * A day picked in a date input, as the moment it names here (noon, so no time zone moves its
 * day), kept between the filing and now: an outcome is seen after its request and not later than today.
 */
const momentOf = (seen: string, filedAt: string) =>
  new Date(Math.max(Date.parse(filedAt), Math.min(Date.now(), Date.parse(`${seen}T12:00:00`)))).toISOString();

/** One filing: its file again, and each listing's outcome, recorded as the volunteer sees it. */
export function FilingView({ token, id, onSignedOut }: { token: string; id: string; onSignedOut: () => void }) {
  const { loaded, reload } = useServiceCall(
    () => call<{ filing: Filing; listings: ReportedListing[] }>(token, `/v1/volunteer/filings/${id}`),
    [token, id],
    onSignedOut,
  );
  const [edits, setEdits] = useState<Edits>({});
  const [saving, setSaving] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [problem, setProblem] = useState<string>();

  const failed = (error: unknown) => {
    if (error instanceof ServiceError && error.kind === 'signedOut') return onSignedOut();
    setProblem(wordsFor(error));
  };

  const save = async () => {
    setSaving('saving');
    setProblem(undefined);
    try {
      await call(token, `/v1/volunteer/filings/${id}/outcomes`, {
        method: 'POST',
        body: {
          outcomes: Object.entries(edits).map(([key, edit]) => ({
            key,
            outcome: edit.outcome,
            at: momentOf(edit.seen, loaded.state === 'ready' ? loaded.value.filing.filedAt : ''),
          })),
        },
      });
      // Kept on screen until the service has them; then read back as the service holds them.
      setEdits({});
      setSaving('saved');
      reload();
    } catch (error) {
      setSaving('idle');
      failed(error);
    }
  };

  if (loaded.state !== 'ready') return <LoadState loaded={loaded} onRetry={reload} />;
  const { filing, listings } = loaded.value;
  const byKey = new Map(listings.map((listing) => [listing.key, listing]));
  const changes = Object.keys(edits).length;
  return (
    <section aria-labelledby="filing-heading">
      <p>
        <a href={hrefOf({ view: 'filings' })}>{say('filing_back')}</a>
      </p>
      <h2 id="filing-heading">
        {say('filing_heading', [
          day(filing.filedAt),
          marketplaceName(filing.marketplace, WORDS),
          say(`format_${filing.format}`),
        ])}
      </h2>
      <p>
        {say('filing_by', [filing.filedBy])} · {outcomeCounts(filing)} · {say('column_removal_time')}:{' '}
        {removalTime(filing)}
      </p>
      <button type="button" onClick={() => downloadFrom(token, `/v1/volunteer/filings/${id}/file`).catch(failed)}>
        {say('filing_download')}
      </button>
      <table class="queue">
        <caption>{say('column_listings')}</caption>
        <thead>
          <tr>
            <th scope="col">{say('column_listing')}</th>
            <th scope="col">{say('column_outcome')}</th>
            <th scope="col">{say('column_seen')}</th>
          </tr>
        </thead>
        <tbody>
          {filing.listed.map((listed) => {
            const listing = byKey.get(listed.key);
            const title = listing?.title ?? listed.key;
            const edit = edits[listed.key];
            const outcome = edit?.outcome ?? listed.outcome ?? '';
            const seen = edit?.seen ?? listed.outcomeAt?.slice(0, 10) ?? today();
            const set = (next: Partial<{ outcome: Outcome; seen: string }>) =>
              setEdits((now) => {
                const merged = { outcome: outcome as Outcome, seen, ...next };
                return merged.outcome ? { ...now, [listed.key]: merged } : now;
              });
            return (
              <tr key={listed.key}>
                <td class="listing">
                  {listing ? (
                    <a href={listing.url} target="_blank" rel="noopener noreferrer">
                      {title}
                    </a>
                  ) : (
                    title
                  )}
                  <span class="key">{listed.key}</span>
                </td>
                <td>
                  <select
                    aria-label={say('outcome_of', [title])}
                    value={outcome}
                    onChange={(event) => set({ outcome: event.currentTarget.value as Outcome })}
                  >
                    <option value="" disabled>
                      {say('outcome_awaiting')}
                    </option>
                    {OUTCOMES.map((one) => (
                      <option key={one} value={one}>
                        {say(`outcome_${one}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="date"
                    aria-label={say('seen_on_of', [title])}
                    value={seen}
                    min={filing.filedAt.slice(0, 10)}
                    max={today()}
                    disabled={!outcome}
                    onChange={(event) => set({ seen: event.currentTarget.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="dialog-actions">
        <button type="button" disabled={!changes || saving === 'saving'} onClick={save}>
          {say('outcomes_save')}
        </button>
        <span role="status">
          {saving === 'saving'
            ? say('outcomes_saving')
            : changes
              ? say('unsaved', [count(changes)])
              : saving === 'saved'
                ? say('outcomes_saved')
                : ''}
        </span>
      </div>
      {problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
    </section>
  );
}
