import { type ConsoleKey, say } from './words';

export interface Series {
  label: ConsoleKey;
  values: (number | undefined)[];
  /** How a value is written in the table (and the chart's top label). */
  format: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 8, right: 8, top: 18, bottom: 22 };

/**
 * A weekly figure as an SVG chart with its table beside it: the chart for the eye, the table for
 * screen readers and copying. Bars for counts, a line for rates and times; each series has a
 * pattern as well as a colour, so two series never differ by colour alone.
 */
export function Chart({
  id,
  title,
  weeks,
  series,
  kind,
}: {
  id: string;
  title: ConsoleKey;
  weeks: string[];
  series: Series[];
  kind: 'bars' | 'line';
}) {
  const max = Math.max(
    1,
    ...series.flatMap((one) => one.values.filter((value): value is number => value !== undefined)),
  );
  const step = (WIDTH - PAD.left - PAD.right) / weeks.length;
  const y = (value: number) => HEIGHT - PAD.bottom - ((HEIGHT - PAD.top - PAD.bottom) * value) / max;
  const barWidth = (step * 0.8) / series.length;
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{say(title)}</figcaption>
      <div class="chart-body">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={say('chart_described', [say(title), weeks.length])}
          data-chart={id}
        >
          <line class="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
          <text class="tick" x={PAD.left} y={PAD.top - 6}>
            {series[0]!.format(max)}
          </text>
          {kind === 'bars' &&
            series.map((one, index) =>
              one.values.map((value, week) =>
                value === undefined ? null : (
                  <rect
                    key={`${index}-${week}`}
                    class={`series-${index}`}
                    data-week={weeks[week]}
                    data-value={value}
                    x={PAD.left + week * step + step * 0.1 + index * barWidth}
                    y={y(value)}
                    width={barWidth}
                    height={y(0) - y(value)}
                  />
                ),
              ),
            )}
          {kind === 'line' &&
            series.map((one, index) => {
              const points = one.values.flatMap((value, week) =>
                value === undefined ? [] : [{ x: PAD.left + (week + 0.5) * step, y: y(value), value, week }],
              );
              return (
                <g key={one.label} class={`series-${index}`}>
                  <polyline points={points.map((point) => `${point.x},${point.y}`).join(' ')} />
                  {points.map((point) => (
                    <circle
                      key={point.week}
                      cx={point.x}
                      cy={point.y}
                      r={3.5}
                      data-week={weeks[point.week]}
                      data-value={point.value}
                    />
                  ))}
                </g>
              );
            })}
          <text class="tick" x={PAD.left} y={HEIGHT - 6}>
            {weeks[0]}
          </text>
          <text class="tick" x={WIDTH - PAD.right} y={HEIGHT - 6} text-anchor="end">
            {weeks.at(-1)}
          </text>
        </svg>
        <table class="figures">
          <caption>{say('chart_table', [say(title)])}</caption>
          <thead>
            <tr>
              <th scope="col">{say('column_week')}</th>
              {series.map((one, index) => (
                <th key={one.label} scope="col">
                  <span class={`key-swatch series-${index}`} aria-hidden="true" /> {say(one.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, row) => (
              <tr key={week}>
                <th scope="row">{week}</th>
                {series.map((one) => {
                  const value = one.values[row];
                  return <td key={one.label}>{value === undefined ? say('results_none') : one.format(value)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
