// `npm run bench`: one JSON line per case, each beside a baseline measured in the same run.
// `npm run bench -- browser console` runs only the cases named.

import { loadTest } from '../../server/load/run';
import { benchBrowser } from './browser';
import { benchCli } from './cli';
import { benchConsole } from './console';
import { benchMatcher } from './matcher';
import { benchReader } from './reader';
import { benchSync } from './sync';

const CASES: Record<string, () => unknown> = {
  reader: benchReader,
  matcher: benchMatcher,
  sync: benchSync,
  cli: benchCli,
  console: benchConsole,
  browser: benchBrowser,
  load: loadTest,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in CASES));
if (unknown.length > 0) {
  console.error(`unknown bench case(s): ${unknown.join(', ')}; the cases are ${Object.keys(CASES).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(CASES)) {
  if (asked.length === 0 || asked.includes(name)) await run();
}
