import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MatchIndex } from '../matching/match-index';
import type { ChannelAccuracy, PublishedAccuracy } from '../risk/accuracy';
import { type AssessInput, assess } from '../risk/assess';
import { LEVELS, type Level } from '../risk/assessment';
import type { RiskSettings } from '../risk/settings';
import { LABELS, type Label, type LabelledListing, readLabelled } from './labelled';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where `eval --publish` writes the figures the extension's help page shows. */
export const ACCURACY_FILE = join(ROOT, 'src', 'risk', 'accuracy.json');

/** The labelled sets the evaluation reads, where present: the shared one and the gathered one's two parts. */
export const EVAL_SETS = [
  { name: 'shared', file: join(ROOT, '..', 'shared', 'reallistings', 'listings.tsv'), split: undefined },
  { name: 'tune', file: join(ROOT, 'data', 'gathered', 'listings.tsv'), split: 'tune' },
  { name: 'test', file: join(ROOT, 'data', 'gathered', 'listings.tsv'), split: 'test' },
] as const;
export type EvalSetName = (typeof EVAL_SETS)[number]['name'];

const HONEST: readonly Label[] = ['genuine_likely', 'unbranded'];
const warns = (level: Level) => level === 'high' || level === 'caution';

interface Scored {
  row: LabelledListing;
  level: Level;
  score: number;
  reasons: string;
}

/** Each listing assessed alone, as a shopper meets it: no seller pattern across the file. */
export function scoreSet(rows: readonly LabelledListing[], index: MatchIndex, settings: RiskSettings): Scored[] {
  const memo = new Map();
  return rows.map((row) => {
    const assessment = assess(row.listing as AssessInput, index, settings, memo);
    return {
      row,
      level: assessment.level,
      score: assessment.score,
      reasons: assessment.reasons
        .filter((reason) => reason.weight !== 0)
        .map((reason) => `${reason.code}${JSON.stringify(reason.params)}`)
        .join(' '),
    };
  });
}

interface Figures {
  n: number;
  suspects: number;
  recall: number;
  honest: number;
  honestFlagged: number;
  honestHigh: number;
  confusion: Record<Label, Record<Level, number>>;
}

export function figures(scored: readonly Scored[]): Figures {
  const confusion = Object.fromEntries(
    LABELS.map((label) => [label, Object.fromEntries(LEVELS.map((level) => [level, 0]))]),
  ) as Figures['confusion'];
  for (const { row, level } of scored) if (confusion[row.label]) confusion[row.label][level]++;
  const suspects = scored.filter(({ row }) => row.label === 'counterfeit_suspect');
  const honest = scored.filter(({ row }) => HONEST.includes(row.label));
  const share = (of: readonly Scored[], test: (level: Level) => boolean) =>
    of.length === 0 ? Number.NaN : of.filter(({ level }) => test(level)).length / of.length;
  return {
    n: scored.length,
    suspects: suspects.length,
    recall: share(suspects, warns),
    honest: honest.length,
    honestFlagged: share(honest, warns),
    honestHigh: share(honest, (level) => level === 'high'),
    confusion,
  };
}

const orNull = (x: number) => (Number.isNaN(x) ? null : Math.round(x * 1000) / 1000);

/** The figures the help page shows: the whole set, and each channel with enough listings to say something. */
export function publishable(scored: readonly Scored[], measuredOn: string): PublishedAccuracy {
  const channelOf = (of: readonly Scored[], channel: string): ChannelAccuracy => {
    const f = figures(of);
    return {
      channel,
      listings: f.n,
      suspects: f.suspects,
      recall: orNull(f.recall),
      honest: f.honest,
      falseAlarms: orNull(f.honestFlagged),
    };
  };
  const all = figures(scored);
  const { channel: _all, ...whole } = channelOf(scored, 'all');
  return {
    measuredOn,
    ...whole,
    falseHigh: orNull(all.honestHigh),
    channels: [...new Set(scored.map(({ row }) => row.channel))]
      .sort()
      .map((channel) =>
        channelOf(
          scored.filter(({ row }) => row.channel === channel),
          channel,
        ),
      )
      .filter((one) => one.listings >= MIN_CHANNEL),
  };
}
/** Fewer listings than this say too little of a channel to show it apart. */
const MIN_CHANNEL = 20;

const pct = (x: number) => (Number.isNaN(x) ? '—' : `${(100 * x).toFixed(1)} %`);
const num = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(2));

function row(name: string, f: Figures): string {
  return `${name.slice(0, 28).padEnd(28)} ${String(f.n).padStart(5)} ${String(f.suspects).padStart(8)} ${num(f.recall).padStart(7)} ${String(f.honest).padStart(7)} ${pct(f.honestFlagged).padStart(9)} ${pct(f.honestHigh).padStart(8)}`;
}

/** The report `npm run eval` prints for one set: every channel, then the confusion table. */
export function formatSet(name: string, scored: readonly Scored[]): string {
  const all = figures(scored);
  const lines = [
    `\n== ${name}: ${scored.length} listings, each assessed alone`,
    `${'channel'.padEnd(28)} ${'n'.padStart(5)} ${'suspects'.padStart(8)} ${'recall'.padStart(7)} ${'honest'.padStart(7)} ${'flagged'.padStart(9)} ${'high'.padStart(8)}`,
    row('all', all),
  ];
  const channels = [...new Set(scored.map(({ row }) => row.channel))].sort();
  for (const channel of channels) {
    lines.push(row(`  ${channel}`, figures(scored.filter(({ row }) => row.channel === channel))));
  }
  const { confusion } = all;
  lines.push(`confusion (label × level):`);
  lines.push(`${''.padEnd(22)}${LEVELS.map((level) => level.padStart(9)).join('')}`);
  for (const label of LABELS) {
    lines.push(`${label.padEnd(22)}${LEVELS.map((level) => String(confusion[label][level]).padStart(9)).join('')}`);
  }
  return lines.join('\n');
}

/** The listings the engine got wrong, to study: never printed for the test part, which nobody tunes on. */
export function formatMisses(scored: readonly Scored[]): string {
  return scored
    .filter(
      ({ row, level }) =>
        (row.label === 'counterfeit_suspect' && !warns(level)) || (HONEST.includes(row.label) && warns(level)),
    )
    .map(
      ({ row, level, score, reasons }) =>
        `  ${row.id} ${row.label} → ${level} ${score}: ${row.listing.title.slice(0, 90)}${row.listing.price ? ` | ${row.listing.price.amount} ${row.listing.price.currency}` : ''} | ${reasons}`,
    )
    .join('\n');
}

export function readSet(set: (typeof EVAL_SETS)[number], index: MatchIndex): LabelledListing[] | undefined {
  if (!existsSync(set.file)) return undefined;
  const rows = readLabelled(set.file, index);
  return set.split === undefined ? rows : rows.filter((row) => row.split === set.split);
}
