import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, report } from './measure';

const RUNS = 5;

/**
 * `counterfeit-guard check` on a one-line file, from a cold start each time: the command built
 * ahead of time (dist/cli, its prebuilt index) beside the same sources run through tsx with the
 * registry compiled at launch, as the command used to run.
 */
export function benchCli(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs']);
  const file = join(mkdtempSync(join(tmpdir(), 'cg-bench-cli-')), 'one.jsonl');
  writeFileSync(file, '{"title": "Nike Air Max 90 replica", "price": 20, "currency": "USD"}\n');
  const wall = (args: string[]) => {
    const samples: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const start = performance.now();
      const { status, stderr } = spawnSync(process.execPath, [...args, 'check', file], { encoding: 'utf8' });
      if (status !== 0) throw new Error(`check failed: ${stderr}`);
      if (run > 0) samples.push(performance.now() - start);
    }
    return median(samples);
  };
  report({
    name: 'cli check, one line, cold start (built vs tsx sources)',
    median_ms: wall(['bin/counterfeit-guard.mjs']),
    baseline_median_ms: wall(['--import', 'tsx', 'src/cli/main.ts']),
    target_ms: 500,
  });
}
