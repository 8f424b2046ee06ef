import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { commandIndex } from '../disk/registry-files';
import { errorText } from '../error-text';
import type { MatchIndex } from '../matching/match-index';
import { RegistryBuildError } from '../registry/compile';
import { SENSITIVITIES, type Sensitivity } from '../risk/settings';
import { checkLines, formatCheckTable, printable, readListings } from './check';
import {
  ACCURACY_FILE,
  EVAL_SETS,
  type EvalSetName,
  formatMisses,
  formatSet,
  publishable,
  readSet,
  scoreSet,
} from './eval';
import { REGISTRY_USAGE, runRegistryCommand } from './registry-command';

const USAGE = `Usage: counterfeit-guard scan [--url URL] [--json] FILE...
       counterfeit-guard check [--json] [--sensitivity relaxed|balanced|strict] FILE
       counterfeit-guard eval [--set shared,tune,test] [--misses] [--sensitivity …]
       counterfeit-guard eval --publish   (the test part's figures → src/risk/accuracy.json, for the help page)

  scan   reads saved marketplace pages with the extension's own site rules and assesses each listing.
         --url URL   the address the page was saved from (else its canonical link, og:url, or the site it mentions)
         --json      one JSON object per file, one per line
  check  assesses listings given as JSON Lines (one object a line) or CSV with a header row:
         title (required); price, currency, price_kind (fixed|bid|start|range|tier), seller, marketplace
         (a marketplace or a sales channel such as Weidian or Yupoo), url, brand, condition
         (new|open_box|refurbished|used|parts), reviews (an array of review texts) (optional); null is
         absent; other fields are passed through. Bad lines are reported with their line and field.
         --json      one JSON line per input line, in order, with its "assessment" (or "error")
  eval   the engine's figures on real labelled listings, each assessed alone, per set and channel:
         recall of suspects, genuine or unbranded flagged at all and flagged High, the confusion table.
         Sets: shared (../shared/reallistings/) and the gathered set's tune and test parts
         (data/gathered/, rebuilt by \`npm run gather\`); those absent are said so and skipped.
         --set S     the sets to report, comma-separated (default: all)
         --misses    also list each wrong listing with its reasons (not for the test part: nobody tunes on it)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Help is asked for, not an error: it goes to standard output and the command succeeds.
  const help = (of: string[]) => of.some((arg) => arg === '--help' || arg === '-h');
  if (command === 'help' || help(argv.slice(0, 1))) {
    console.log(`${USAGE}\n\n${REGISTRY_USAGE}`);
    return 0;
  }
  if (command === 'registry') return runRegistryCommand(rest);
  if (help(rest) && (command === 'scan' || command === 'check' || command === 'eval')) {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'scan' && command !== 'check' && command !== 'eval') {
    console.error(`${command ? `Unknown command: ${command}\n\n` : ''}${USAGE}\n\n${REGISTRY_USAGE}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseCommandArgs>;
  try {
    parsed = parseCommandArgs(rest);
    if (!SENSITIVITIES.includes(parsed.values.sensitivity as Sensitivity)) {
      throw new Error(`--sensitivity must be one of ${SENSITIVITIES.join(', ')}`);
    }
  } catch (error) {
    console.error(`${errorText(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (command !== 'eval' && (positionals.length === 0 || (command === 'check' && positionals.length !== 1))) {
    console.error(`${command === 'check' ? 'Name one listings file.' : 'Name at least one saved page.'}\n\n${USAGE}`);
    return 2;
  }
  let index: MatchIndex;
  try {
    index = commandIndex();
  } catch (error) {
    if (!(error instanceof RegistryBuildError)) throw error;
    console.error(error.message);
    return 1;
  }
  const settings = { sensitivity: values.sensitivity as Sensitivity };
  if (command === 'eval' && values.publish) return publish(index, settings);
  if (command === 'eval') return evaluate(values.set, values.misses, index, settings);
  return command === 'check'
    ? check(positionals[0]!, values.json, index, settings)
    : scan(positionals, values, index, settings);
}

function evaluate(
  sets: string | undefined,
  misses: boolean,
  index: MatchIndex,
  settings: { sensitivity: Sensitivity },
): number {
  const names = new Set((sets ?? EVAL_SETS.map((set) => set.name).join(',')).split(',').map((name) => name.trim()));
  const unknown = [...names].filter((name) => !EVAL_SETS.some((set) => set.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown set: ${unknown.join(', ')}. Sets: ${EVAL_SETS.map((set) => set.name).join(', ')}`);
    return 2;
  }
  let read = 0;
  for (const set of EVAL_SETS.filter((each) => names.has(each.name))) {
    const rows = readSet(set, index);
    if (!rows) {
      console.log(`\n== ${set.name}: absent (${set.file})${set.split ? ': `npm run gather` rebuilds it' : ''}`);
      continue;
    }
    read++;
    const scored = scoreSet(rows, index, settings);
    console.log(formatSet(`${set.name} (${set.file})`, scored));
    if (misses && (set.name as EvalSetName) === 'test') {
      console.log('(misses of the test part are not listed: tune on the tuning part only)');
    } else if (misses) {
      console.log(`misses:\n${formatMisses(scored)}`);
    }
  }
  return read > 0 ? 0 : 1;
}

/** Writes the test part's figures where the help page takes them from at build time. */
function publish(index: MatchIndex, settings: { sensitivity: Sensitivity }): number {
  const test = EVAL_SETS.find((set) => set.name === 'test')!;
  const rows = readSet(test, index);
  if (!rows) {
    console.error(`The test part is absent (${test.file}): \`npm run gather\` rebuilds it from fetched snapshots.`);
    return 1;
  }
  const figures = publishable(scoreSet(rows, index, settings), new Date().toISOString().slice(0, 10));
  writeFileSync(ACCURACY_FILE, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`${ACCURACY_FILE}: ${figures.listings} listings of the test part, measured ${figures.measuredOn}`);
  return 0;
}

function check(file: string, json: boolean, index: MatchIndex, settings: { sensitivity: Sensitivity }): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: could not be read: ${(error as Error).message}`);
    return 1;
  }
  const results = checkLines(readListings(text, index), index, settings);
  for (const result of results) {
    if (result.error) console.error(`${file}:${result.line}: ${result.error}`);
  }
  if (json) {
    for (const { input, assessment, error } of results) {
      console.log(
        JSON.stringify(assessment ? { ...input, assessment: printable(assessment, index) } : { ...input, error }),
      );
    }
  } else {
    console.log(formatCheckTable(results, index));
  }
  return results.some((result) => result.error) ? 1 : 0;
}

async function scan(
  files: string[],
  values: { url?: string; json: boolean },
  index: MatchIndex,
  settings: { sensitivity: Sensitivity },
): Promise<number> {
  // The page parser takes longer to load than a check takes to run: only scan loads it.
  const { formatTable, scanFile } = await import('./scan');
  let failures = 0;
  for (const file of files) {
    try {
      const result = scanFile(file, values.url, index, settings);
      console.log(values.json ? JSON.stringify(result) : formatTable(result));
    } catch (error) {
      failures++;
      const reason = errorText(error);
      if (values.json) console.log(JSON.stringify({ file, error: reason }));
      else console.error(`${file}: could not be read: ${reason}`);
    }
  }
  return failures > 0 ? 1 : 0;
}

function parseCommandArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      json: { type: 'boolean', default: false },
      sensitivity: { type: 'string', default: 'balanced' },
      set: { type: 'string' },
      misses: { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
    },
  });
}

process.exitCode = await main(process.argv.slice(2));
