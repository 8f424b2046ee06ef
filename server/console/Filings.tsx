import { marketplaceName } from '../../src/words/words';
import { daysToRemoval, type Filing, medianOf } from '../src/queue';
import { call } from './api';
import { LoadState, useServiceCall } from './load';
import { hrefOf } from './route';
import { count, day, decimal, say, WORDS } from './words';

/** "3 removed, 1 still up, 0 refused, 2 awaiting" */
export function outcomeCounts(filing: Filing): string {
  const of = (outcome?: string) => filing.listed.filter((listed) => listed.outcome === outcome).length;
  return say('outcome_counts', [count(of('removed')), count(of('still_up')), count(of('refused')), count(of())]);
}

export function removalTime(filing: Filing): string {
  const median = medianOf(daysToRemoval(filing));
  return median === undefined ? say('none_yet') : say('days', [decimal(median)]);
}

/** The brands' filings, newest first, each with its outcomes so far. */
export function Filings({ token, onSignedOut }: { token: string; onSignedOut: () => void }) {
  const { loaded, reload } = useServiceCall(
    async () => (await call<{ filings: Filing[] }>(token, '/v1/volunteer/filings')).filings,
    [token],
    onSignedOut,
  );
  const filings = loaded.state === 'ready' ? loaded.value : undefined;
  return (
    <section aria-labelledby="filings-heading">
      <h2 id="filings-heading">{say('filings_heading')}</h2>
      <LoadState loaded={loaded} onRetry={reload} />
      {filings?.length === 0 && <p>{say('filings_empty')}</p>}
      {filings && filings.length > 0 && (
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
            {filings.map((filing) => (
              <tr key={filing.id}>
                <td>
                  <a
                    href={hrefOf({ view: 'filing', id: filing.id })}
                    aria-label={say('open_filing', [day(filing.filedAt), marketplaceName(filing.marketplace, WORDS)])}
                  >
                    {day(filing.filedAt)}
                  </a>
                </td>
                <td>{marketplaceName(filing.marketplace, WORDS)}</td>
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
