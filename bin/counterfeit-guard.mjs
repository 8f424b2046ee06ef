#!/usr/bin/env node
// The command line, built ahead of time (`npm run build:cli`, run by `npm install` and `npm test`)
// from the same sources as the extension: it reads pages with exactly the rules and engine the
// extension ships.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/counterfeit-guard.mjs', import.meta.url);
if (!existsSync(built)) {
  console.error(
    'counterfeit-guard is not built here yet: run `npm run build:cli` (npm install does it), then try again.',
  );
  process.exit(2);
}
await import(built.href);
