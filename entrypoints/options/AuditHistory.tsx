import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AuditSummary } from '../../src/audit/model';
import { errorText } from '../../src/error-text';
import { MARKETPLACES, type Marketplace } from '../../src/listing/listing';
import { sendMessage } from '../../src/messaging/protocol';
import { volunteerItem } from '../../src/settings/items';
import { onBackgroundEvent } from '../../src/ui/events';
import { count, date, t, uiWords } from '../../src/ui/i18n';
import { type Load, useRegistryBrands } from '../../src/ui/load';
import { marketplaceName } from '../../src/words/words';
import { type AccuracyState, accuracyPercent, fetchAccuracy, PROJECT_ZERO_PERCENT } from './accuracy';
import { HistoryTable } from './HistoryTable';

/** The chart shows this many sessions at most, the newest; the table shows them all. */
const CHART_SESSIONS = 12;

const marketplaceLabel = (marketplace: Marketplace) =>
  marketplace === 'shop' ? t('options_audit_marketplace_shop') : marketplaceName(marketplace, uiWords);

interface Props {
  /** The latest outcome of the sign-in's Check or Sign out, which replaces what this view asked itself. */
  accuracy?: AccuracyState;
}

/**
 * Past audit sessions, newest first: a table of what each found and did, a chart of suspect
 * listings found and reported per marketplace over time (with its numbers as text), and, for
 * a signed-in volunteer, the share of reviewed reports the service confirmed.
 */
export function AuditHistory({ accuracy: told }: Props) {
  const [load, setLoad] = useState<Load<AuditSummary[]>>({ kind: 'loading' });
  const registry = useRegistryBrands();
  // Without the registry the ids stand in for the names; the brand picker says what went wrong.
  const names = useMemo(
    () => new Map(registry.kind === 'ready' ? registry.value.map((brand) => [brand.id, brand.name]) : []),
    [registry],
  );
  const [signedIn, setSignedIn] = useState<boolean | undefined>(undefined);
  const [accuracy, setAccuracy] = useState<AccuracyState>({ kind: 'idle' });
  const alive = useRef(true);
  const asked = useRef(0);

  async function ask() {
    const mine = ++asked.current;
    setAccuracy({ kind: 'checking' });
    const answer = await fetchAccuracy();
    // A newer question (or a sign-out) went out meanwhile: its answer counts, not this one.
    if (alive.current && mine === asked.current) setAccuracy(answer);
  }

  function follow(token: string | undefined) {
    setSignedIn(Boolean(token));
    if (token) void ask();
    else {
      asked.current++;
      setAccuracy({ kind: 'idle' });
    }
  }

  useEffect(() => {
    alive.current = true;
    const read = () =>
      sendMessage('auditHistory', null).then(
        (value) => alive.current && setLoad({ kind: 'ready', value }),
        (error: unknown) => alive.current && setLoad({ kind: 'error', detail: errorText(error) }),
      );
    void read();
    let token: string | undefined;
    volunteerItem.getValue().then(
      (volunteer) => {
        token = volunteer.token;
        follow(token);
      },
      () => follow(undefined),
    );
    const unwatchVolunteer = volunteerItem.watch((volunteer) => {
      if (volunteer?.token === token) return;
      token = volunteer?.token;
      follow(token);
    });
    // A session opened, grew or closed: read the history again.
    const unwatchRevision = onBackgroundEvent('auditChanged', () => void read());
    return () => {
      alive.current = false;
      unwatchVolunteer();
      unwatchRevision();
    };
  }, []);

  useEffect(() => {
    if (told === undefined) return;
    asked.current++;
    setAccuracy(told);
  }, [told]);

  const summaries =
    load.kind === 'ready' ? [...load.value].sort((a, b) => b.session.startedAt - a.session.startedAt) : [];
  const brandNames = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(', ');

  return (
    <section class="cg-audit-history" aria-labelledby="audit-history-heading">
      <h3 id="audit-history-heading">{t('options_audit_history_heading')}</h3>
      {load.kind === 'loading' && <p role="status">{t('options_audit_history_loading')}</p>}
      {load.kind === 'error' && (
        <p role="alert" class="cg-audit-error">
          {t('options_audit_history_error', [load.detail])}
        </p>
      )}
      {load.kind === 'ready' && summaries.length === 0 && <p>{t('options_audit_history_empty')}</p>}
      {summaries.length > 0 && (
        <HistoryTable
          class="cg-audit-table"
          caption={t('options_audit_history_caption')}
          columns={[
            t('options_audit_col_started'),
            t('options_audit_col_ended'),
            t('options_audit_col_brands'),
            t('options_audit_col_pages'),
            t('options_audit_col_seen'),
            t('options_audit_col_suspect'),
            t('options_audit_col_selected'),
            t('options_audit_col_reported'),
          ]}
        >
          {summaries.map(({ session, counts }) => (
            <tr key={session.id} data-session={session.id}>
              <th scope="row">
                <time dateTime={new Date(session.startedAt).toISOString()}>{date(session.startedAt)}</time>
              </th>
              <td>
                {session.endedAt === undefined ? (
                  <strong>{t('options_audit_open')}</strong>
                ) : (
                  <time dateTime={new Date(session.endedAt).toISOString()}>{date(session.endedAt)}</time>
                )}
              </td>
              <td>{brandNames(session.brands)}</td>
              <td class="cg-num">{count(counts.pages)}</td>
              <td class="cg-num">{count(counts.seen)}</td>
              <td class="cg-num">{count(counts.suspect)}</td>
              <td class="cg-num">{count(counts.selected)}</td>
              <td class="cg-num">{count(counts.reported)}</td>
            </tr>
          ))}
        </HistoryTable>
      )}
      {summaries.length > 0 && <AuditChart summaries={summaries} />}
      {signedIn === true && <AccuracyView accuracy={accuracy} />}
      {signedIn === false && <p class="cg-hint cg-accuracy-signed-out">{t('options_audit_accuracy_signed_out')}</p>}
    </section>
  );
}

interface Point {
  session: AuditSummary['session'];
  /** The session's place on the x axis: 0 is the oldest shown. */
  slot: number;
  found: number;
  reported: number;
}

/** Sizes in the SVG's own units; it scales to the page's width. */
const WIDTH = 560;
const LEFT = 40;
const RIGHT = 12;
const TITLE = 22;
const PLOT = 90;
const LABELS = 24;
const PANEL = TITLE + PLOT + LABELS + 8;

/**
 * Suspect listings found and reported per session, one panel per marketplace, sessions in time
 * order along a shared axis. Found is a solid bar, reported a hatched one with an outline, each
 * with its number above it; the legend says which is which; the numbers are there as a table too.
 */
function AuditChart({ summaries }: { summaries: AuditSummary[] }) {
  const shown = summaries
    .filter((summary) => Object.keys(summary.byMarketplace).length > 0)
    .sort((a, b) => a.session.startedAt - b.session.startedAt)
    .slice(-CHART_SESSIONS);
  const marketplaces = MARKETPLACES.filter((m) => shown.some((summary) => summary.byMarketplace[m]));
  if (marketplaces.length === 0) return <p class="cg-hint">{t('options_audit_chart_empty')}</p>;

  const panels = marketplaces.map((marketplace) => ({
    marketplace,
    points: shown.flatMap((summary, slot): Point[] => {
      const counts = summary.byMarketplace[marketplace];
      return counts ? [{ session: summary.session, slot, found: counts.suspect, reported: counts.reported }] : [];
    }),
  }));
  const max = Math.max(1, ...panels.flatMap(({ points }) => points.flatMap((p) => [p.found, p.reported])));
  const slotWidth = (WIDTH - LEFT - RIGHT) / shown.length;
  const bar = Math.min(22, slotWidth * 0.36);
  const height = panels.length * PANEL;
  const scale = (value: number) => (value / max) * PLOT;

  const summary = t('options_audit_chart_label', [
    shown.length,
    panels
      .map(({ marketplace, points }) =>
        t('options_audit_chart_label_part', [
          marketplaceLabel(marketplace),
          points.reduce((sum, p) => sum + p.found, 0),
          points.reduce((sum, p) => sum + p.reported, 0),
          points.length,
        ]),
      )
      .join('; '),
  ]);

  return (
    <figure class="cg-audit-chart">
      <figcaption id="audit-chart-caption">{t('options_audit_chart_caption', [shown.length])}</figcaption>
      <ul class="cg-legend">
        <li>
          <svg class="cg-legend-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <rect class="cg-bar-found" x="1" y="1" width="14" height="14" />
          </svg>
          {t('options_audit_chart_found')}
        </li>
        <li>
          <svg class="cg-legend-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <rect class="cg-bar-reported" x="1" y="1" width="14" height="14" fill="url(#cg-audit-hatch)" />
          </svg>
          {t('options_audit_chart_reported')}
        </li>
      </ul>
      <svg
        class="cg-chart"
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <defs>
          <pattern id="cg-audit-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect class="cg-hatch-bg" width="6" height="6" />
            <line class="cg-hatch-line" x1="0" y1="0" x2="0" y2="6" stroke-width="3" />
          </pattern>
        </defs>
        {panels.map(({ marketplace, points }, index) => {
          const top = index * PANEL;
          const base = top + TITLE + PLOT;
          return (
            <g key={marketplace} class="cg-chart-panel" data-marketplace={marketplace}>
              <text class="cg-chart-title" x={0} y={top + 15}>
                {marketplaceLabel(marketplace)}
              </text>
              <line class="cg-chart-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={base - PLOT} y2={base - PLOT} />
              <text class="cg-chart-tick" x={LEFT - 6} y={base - PLOT + 4} text-anchor="end">
                {count(max)}
              </text>
              <line class="cg-chart-axis" x1={LEFT} x2={WIDTH - RIGHT} y1={base} y2={base} />
              <text class="cg-chart-tick" x={LEFT - 6} y={base + 4} text-anchor="end">
                {count(0)}
              </text>
              {points.map((point) => {
                const centre = LEFT + slotWidth * (point.slot + 0.5);
                return (
                  <g key={point.session.id} data-session={point.session.id}>
                    {(['found', 'reported'] as const).map((series) => {
                      const value = point[series];
                      const h = scale(value);
                      const x = series === 'found' ? centre - bar - 1 : centre + 1;
                      return (
                        <g key={series}>
                          <rect
                            class={`cg-bar cg-bar-${series}`}
                            data-series={series}
                            data-value={value}
                            x={x}
                            y={base - h}
                            width={bar}
                            height={h}
                            fill={series === 'reported' ? 'url(#cg-audit-hatch)' : undefined}
                          />
                          <text class="cg-chart-value" x={x + bar / 2} y={base - h - 3} text-anchor="middle">
                            {count(value)}
                          </text>
                        </g>
                      );
                    })}
                    <text class="cg-chart-tick" x={centre} y={base + 16} text-anchor="middle">
                      {date(point.session.startedAt, 'day')}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <details class="cg-chart-numbers">
        <summary>{t('options_audit_chart_numbers')}</summary>
        <table class="cg-history-table cg-chart-table">
          <caption class="cg-visually-hidden">{t('options_audit_chart_numbers_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('options_audit_col_started')}</th>
              <th scope="col">{t('options_audit_col_marketplace')}</th>
              <th scope="col">{t('options_audit_chart_found')}</th>
              <th scope="col">{t('options_audit_chart_reported')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.flatMap(({ session, byMarketplace }) =>
              marketplaces.flatMap((marketplace) => {
                const counts = byMarketplace[marketplace];
                return counts
                  ? [
                      <tr key={`${session.id}-${marketplace}`}>
                        <th scope="row">
                          <time dateTime={new Date(session.startedAt).toISOString()}>{date(session.startedAt)}</time>
                        </th>
                        <td>{marketplaceLabel(marketplace)}</td>
                        <td class="cg-num">{count(counts.suspect)}</td>
                        <td class="cg-num">{count(counts.reported)}</td>
                      </tr>,
                    ]
                  : [];
              }),
            )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Confirmed ÷ reviewed in words and as a bar beside Project Zero's 90 %. */
function AccuracyView({ accuracy }: { accuracy: AccuracyState }) {
  const percent = accuracy.kind === 'ready' ? accuracyPercent(accuracy.confirmed, accuracy.reviewed) : undefined;
  return (
    <section class="cg-accuracy" aria-labelledby="audit-accuracy-heading">
      <h4 id="audit-accuracy-heading" class="cg-audit-subheading">
        {t('options_audit_accuracy_heading')}
      </h4>
      {(accuracy.kind === 'idle' || accuracy.kind === 'checking') && (
        <p role="status">{t('options_audit_accuracy_loading')}</p>
      )}
      {accuracy.kind === 'refused' && (
        <p role="alert" class="cg-audit-error">
          {t('options_audit_accuracy_refused', [accuracy.detail])}
        </p>
      )}
      {accuracy.kind === 'unreachable' && (
        <p role="alert" class="cg-audit-error">
          {t('options_audit_accuracy_unreachable', [accuracy.detail])}
        </p>
      )}
      {accuracy.kind === 'ready' && percent === undefined && (
        <p class="cg-accuracy-none">{t('options_audit_accuracy_none')}</p>
      )}
      {accuracy.kind === 'ready' && percent !== undefined && (
        <>
          <p class="cg-accuracy-words">
            {t('options_audit_accuracy_value', [count(percent), count(accuracy.confirmed), count(accuracy.reviewed)])}
          </p>
          <div class="cg-accuracy-meter">
            <div class="cg-accuracy-track" aria-hidden="true">
              <div class="cg-accuracy-fill" style={{ width: `${percent}%` }} data-percent={percent} />
              <div
                class="cg-accuracy-marker"
                style={{ insetInlineStart: `${PROJECT_ZERO_PERCENT}%` }}
                data-percent={PROJECT_ZERO_PERCENT}
              />
            </div>
            <p class="cg-accuracy-target" style={{ paddingInlineEnd: `${100 - PROJECT_ZERO_PERCENT}%` }}>
              <span>{t('options_audit_accuracy_target', [count(PROJECT_ZERO_PERCENT)])}</span>
            </p>
          </div>
          <p class="cg-hint">
            {t(percent >= PROJECT_ZERO_PERCENT ? 'options_audit_accuracy_meets' : 'options_audit_accuracy_below', [
              count(PROJECT_ZERO_PERCENT),
            ])}
          </p>
        </>
      )}
    </section>
  );
}
