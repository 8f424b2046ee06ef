// `npm run build:cli` (also run by `npm install`'s prepare step and by `npm test`): the command
// line bundled ahead of time into dist/cli/, with the bundled registry's match index beside it,
// so that `counterfeit-guard check` starts with node alone (no tsx, no TypeScript compile, no
// registry compile at launch). Packages stay outside the bundle: they are the package's runtime
// dependencies.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const OUT = join('dist', 'cli');
const bundle = (entry, name) =>
  build({
    entryPoints: { [name]: entry },
    outdir: OUT,
    // What only one command needs (the page parser for scan) loads when that command runs.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
rmSync(OUT, { recursive: true, force: true });
await bundle('src/cli/main.ts', 'counterfeit-guard');
// The index is written by the same code that reads it, bundled the same way, then dropped.
const writer = join(OUT, 'write-index.mjs');
await bundle('src/cli/write-index.ts', 'write-index');
try {
  execFileSync(process.execPath, [writer, OUT], { stdio: 'inherit' });
} finally {
  rmSync(writer, { force: true });
}
