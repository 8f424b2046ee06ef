import { useState } from 'preact/hooks';
import { MARKETPLACES } from '../../src/listing/listing';
import { download } from '../../src/reports/download';
import { marketplaceName } from '../../src/words/words';
import type { WeekResults } from '../src/results';
import { Chart } from './Chart';
import { LoadState, useServiceCall } from './load';
import { type ConsoleKey, count, decimal, say, WORDS } from './words';

const percent = (value: number) => say('percent', [decimal(value * 100, 0)]);

const FORMATS = { count, percent, decimal };

type Figure = Exclude<
  keyof WeekResults,
  'week' | 'confirmed' | 'removed' | 'refused' | 'stillUp' | 'auditSeen' | 'auditSuspect'
>;

/** The charts the results page draws, in order: each figure and how its values are written. */
const CHARTS: {
  id: string;
  title: ConsoleKey;
  kind: 'bars' | 'line';
  series: [Figure, keyof typeof FORMATS][];
}[] = [
  {
    id: 'reports',
    title: 'chart_reports',
    kind: 'bars',
    series: [
      ['received', 'count'],
      ['reviewed', 'count'],
    ],
  },
  { id: 'confirmed-rate', title: 'metric_confirmedRate', kind: 'line', series: [['confirmedRate', 'percent']] },
  { id: 'review-time', title: 'metric_hoursToReview', kind: 'line', series: [['hoursToReview', 'decimal']] },
  { id: 'filed', title: 'metric_filed', kind: 'bars', series: [['filed', 'count']] },
  { id: 'removal-rate', title: 'metric_removalRate', kind: 'line', series: [['removalRate', 'percent']] },
  { id: 'removal-time', title: 'metric_daysToRemoval', kind: 'line', series: [['daysToRemoval', 'decimal']] },
  {
    id: 'appeals',
    title: 'chart_appeals',
    kind: 'bars',
    series: [
      ['appealsReceived', 'count'],
      ['appealsUpheld', 'count'],
    ],
  },
  { id: 'suspect-rate', title: 'metric_suspectPer100', kind: 'line', series: [['suspectPer100', 'decimal']] },
];

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
  const { loaded, reload } = useServiceCall(
    () => props.load({ ...(brand ? { brand } : {}), ...(marketplace ? { marketplace } : {}) }),
    [brand, marketplace],
    props.onSignedOut,
  );

  const weeks = loaded.state === 'ready' ? loaded.value : [];
  const of = <K extends keyof WeekResults>(key: K) => weeks.map((week) => week[key] as number | undefined);
  const names = weeks.map((week) => week.week);
  const csv = () =>
    download(
      resultsCsv(weeks),
      'text/csv',
      `counterfeit-guard-results${brand ? `-${brand}` : ''}${marketplace ? `-${marketplace}` : ''}.csv`,
    );

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
                    {marketplaceName(one, WORDS)}
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
      <LoadState loaded={loaded} onRetry={reload} />
      {loaded.state === 'ready' && (
        <div class="charts">
          {CHARTS.map((chart) => (
            <Chart
              key={chart.id}
              id={chart.id}
              title={chart.title}
              kind={chart.kind}
              weeks={names}
              series={chart.series.map(([field, format]) => ({
                label: `metric_${field}`,
                values: of(field),
                format: FORMATS[format],
              }))}
            />
          ))}
        </div>
      )}
    </section>
  );
}
