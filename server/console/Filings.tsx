import { useEffect, useState } from 'preact/hooks';
import { daysToRemoval, type Filing, medianOf } from '../src/queue';
import { call, ServiceError } from './api';
import { hrefOf } from './route';
import { count, day, LANGUAGE, say, WORDS } from './words';

type Loaded = { state: 'loading' } | { state: 'failed'; words: string } | { state: 'ready'; filings: Filing[] };

export const marketplaceName = (marketplace: string) => WORDS.t(`marketplace_${marketplace}` as 'marketplace_amazon');

/** "3 removed, 1 still up, 0 refused, 2 awaiting" */
export function outcomeCounts(filing: Filing): string {
  const of = (outcome?: string) => filing.listed.filter((listed) => listed.outcome === outcome).length;
  return say('outcome_counts', [count(of('removed')), count(of('still_up')), count(of('refused')), count(of())]);
}

export function removalTime(filing: Filing): string {
  const median = medianOf(daysToRemoval(filing));
  return median === undefined
    ? say('none_yet')
    : say('days', [new Intl.NumberFormat(LANGUAGE, { maximumFractionDigits: 1 }).format(median)]);
}

/** The brands' filings, newest first, each with its outcomes so far. */
export function Filings({ token, onSignedOut }: { token: string; onSignedOut: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let live = true;
    call<{ filings: Filing[] }>(token, '/v1/volunteer/filings').then(
      ({ filings }) => live && setLoaded({ state: 'ready', filings }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ServiceError && error.kind === 'signedOut') return onSignedOut();
        setLoaded({ state: 'failed', words: say('error_network') });
      },
    );
    return () => {
      live = false;
    };
  }, [token, reload]);

  return (
    <section aria-labelledby="filings-heading">
      <h2 id="filings-heading">{say('filings_heading')}</h2>
      <p role="status" class="load-state">
        {loaded.state === 'loading' ? say('queue_loading') : ''}
      </p>
      {loaded.state === 'failed' && (
        <div role="alert" class="problem">
          <p>{loaded.words}</p>
          <button type="button" onClick={() => setReload((n) => n + 1)}>
            {say('queue_retry')}
          </button>
        </div>
      )}
      {loaded.state === 'ready' && loaded.filings.length === 0 && <p>{say('filings_empty')}</p>}
      {loaded.state === 'ready' && loaded.filings.length > 0 && (
        <table class="queue">
          <caption>{say('filings_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{say('column_filed')}</th>
              <th scope="col">{say('column_marketplace')}</th>
              <th scope="col">{say('column_format')}</th>
              <th scope="col">{say('column_listings')}</th>
              <th scope="col">{say('column_outcomes')}</th>
              <th scope="col">{say('column_removal_time')}</th>
            </tr>
          </thead>
          <tbody>
            {loaded.filings.map((filing) => (
              <tr key={filing.id}>
                <td>
                  <a
                    href={hrefOf({ view: 'filing', id: filing.id })}
                    aria-label={say('open_filing', [day(filing.filedAt), marketplaceName(filing.marketplace)])}
                  >
                    {day(filing.filedAt)}
                  </a>
                </td>
                <td>{marketplaceName(filing.marketplace)}</td>
                <td>{say(`format_${filing.format}`)}</td>
                <td>{count(filing.listed.length)}</td>
                <td>{outcomeCounts(filing)}</td>
                <td>{removalTime(filing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
