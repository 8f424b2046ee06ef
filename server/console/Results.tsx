import { useEffect, useState } from 'preact/hooks';
import { MARKETPLACES } from '../../src/listing/listing';
import type { WeekResults } from '../src/results';
import { ServiceError } from './api';
import { Chart } from './Chart';
import { marketplaceName } from './Filings';
import { count, LANGUAGE, say } from './words';

type Loaded = { state: 'loading' } | { state: 'failed'; words: string } | { state: 'ready'; weeks: WeekResults[] };

const percent = (value: number) =>
  say('percent', [new Intl.NumberFormat(LANGUAGE, { maximumFractionDigits: 0 }).format(value * 100)]);
const decimal = (value: number) => new Intl.NumberFormat(LANGUAGE, { maximumFractionDigits: 1 }).format(value);

/** The weekly results as CSV: every figure, one row per week, numbers as numbers. */
export function resultsCsv(weeks: WeekResults[]): string {
  const columns = [
    'week',
    'received',
    'reviewed',
    'confirmed',
    'confirmedRate',
    'hoursToReview',
    'filed',
    'removed',
    'refused',
    'stillUp',
    'removalRate',
    'daysToRemoval',
    'auditSeen',
    'auditSuspect',
    'suspectPer100',
    'appealsReceived',
    'appealsUpheld',
  ] as const;
  const rows = weeks.map((week) => columns.map((column) => String(week[column] ?? '')).join(','));
  return `${[columns.join(','), ...rows].join('\n')}\n`;
}

/**
 * The programme's results as charts with their tables. A volunteer (`brands` given) narrows them
 * to one brand or marketplace; the public view has every brand's sums.
 */
export function Results(props: {
  load: (filters: { brand?: string; marketplace?: string }) => Promise<WeekResults[]>;
  brands?: string[];
  onSignedOut?: () => void;
}) {
  const [brand, setBrand] = useState('');
  const [marketplace, setMarketplace] = useState('');
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    props.load({ ...(brand ? { brand } : {}), ...(marketplace ? { marketplace } : {}) }).then(
      (weeks) => live && setLoaded({ state: 'ready', weeks }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ServiceError && error.kind === 'signedOut') return props.onSignedOut?.();
        setLoaded({ state: 'failed', words: say('error_network') });
      },
    );
    return () => {
      live = false;
    };
  }, [brand, marketplace, reload]);

  const weeks = loaded.state === 'ready' ? loaded.weeks : [];
  const of = <K extends keyof WeekResults>(key: K) => weeks.map((week) => week[key] as number | undefined);
  const names = weeks.map((week) => week.week);
  const csv = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([resultsCsv(weeks)], { type: 'text/csv' }));
    link.download = `counterfeit-guard-results${brand ? `-${brand}` : ''}${marketplace ? `-${marketplace}` : ''}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  };

  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{say('results_heading')}</h2>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        {props.brands && (
          <>
            <label>
              {say('results_brand')}
              <select value={brand} onChange={(event) => setBrand(event.currentTarget.value)}>
                <option value="">{say('results_all_brands')}</option>
                {props.brands.map((one) => (
                  <option key={one} value={one}>
                    {one}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {say('filter_marketplace')}
              <select value={marketplace} onChange={(event) => setMarketplace(event.currentTarget.value)}>
                <option value="">{say('filter_any')}</option>
                {MARKETPLACES.map((one) => (
                  <option key={one} value={one}>
                    {marketplaceName(one)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <button type="button" disabled={loaded.state !== 'ready'} onClick={csv}>
          {say('results_csv')}
        </button>
      </form>
      {loaded.state === 'loading' && <p role="status">{say('queue_loading')}</p>}
      {loaded.state === 'failed' && (
        <div role="alert" class="problem">
          <p>{loaded.words}</p>
          <button type="button" onClick={() => setReload((n) => n + 1)}>
            {say('queue_retry')}
          </button>
        </div>
      )}
      {loaded.state === 'ready' && (
        <div class="charts">
          <Chart
            id="reports"
            title="chart_reports"
            kind="bars"
            weeks={names}
            series={[
              { label: 'metric_received', values: of('received'), format: count },
              { label: 'metric_reviewed', values: of('reviewed'), format: count },
            ]}
          />
          <Chart
            id="confirmed-rate"
            title="metric_confirmedRate"
            kind="line"
            weeks={names}
            series={[{ label: 'metric_confirmedRate', values: of('confirmedRate'), format: percent }]}
          />
          <Chart
            id="review-time"
            title="metric_hoursToReview"
            kind="line"
            weeks={names}
            series={[{ label: 'metric_hoursToReview', values: of('hoursToReview'), format: decimal }]}
          />
          <Chart
            id="filed"
            title="metric_filed"
            kind="bars"
            weeks={names}
            series={[{ label: 'metric_filed', values: of('filed'), format: count }]}
          />
          <Chart
            id="removal-rate"
            title="metric_removalRate"
            kind="line"
            weeks={names}
            series={[{ label: 'metric_removalRate', values: of('removalRate'), format: percent }]}
          />
          <Chart
            id="removal-time"
            title="metric_daysToRemoval"
            kind="line"
            weeks={names}
            series={[{ label: 'metric_daysToRemoval', values: of('daysToRemoval'), format: decimal }]}
          />
          <Chart
            id="appeals"
            title="chart_appeals"
            kind="bars"
            weeks={names}
            series={[
              { label: 'metric_appealsReceived', values: of('appealsReceived'), format: count },
              { label: 'metric_appealsUpheld', values: of('appealsUpheld'), format: count },
            ]}
          />
          <Chart
            id="suspect-rate"
            title="metric_suspectPer100"
            kind="line"
            weeks={names}
            series={[{ label: 'metric_suspectPer100', values: of('suspectPer100'), format: decimal }]}
          />
        </div>
      )}
    </section>
  );
}
