// `npm test`: every tier in order, each one's count printed, and one closing tally.
// Tiers run even after an earlier one fails, so a single run shows everything that is wrong;
// the end-to-end tier needs the builds and is skipped when they fail.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });

const summary = [];
let failed = false;

function run(command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1' } });
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function step(name, command, args) {
  console.log(`\n── ${name}: ${command} ${args.join(' ')}`);
  const { ok, seconds } = run(command, args);
  summary.push(`${name.padEnd(12)} ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  if (!ok) failed = true;
  return ok;
}

const totals = { passed: 0, failed: 0, skipped: 0 };

function vitestTier(name, project) {
  const report = join(RESULTS, `${project}.json`);
  rmSync(report, { force: true });
  console.log(`\n── ${name}: vitest --project ${project}`);
  const { ok, seconds } = run('npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  let counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    counts = {
      passed: json.numPassedTests,
      failed: json.numFailedTests + (json.numFailedTestSuites > 0 && json.numFailedTests === 0 ? 1 : 0),
      skipped: json.numPendingTests + json.numTodoTests,
    };
  } catch {
    counts.failed = 1;
  }
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  const ran = counts.passed + counts.failed;
  summary.push(
    `${name.padEnd(12)} ${ok ? 'ok' : 'FAILED'} (${seconds} s): ${ran} ran, ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
  // A tier that ran nothing fails, unless it skipped on purpose (real pages absent).
  if (!ok || (ran === 0 && counts.skipped === 0)) failed = true;
}

step('typecheck', 'npm', ['run', 'typecheck', '--silent']);
step('lint', 'npm', ['run', 'lint']);
vitestTier('unit', 'unit');
vitestTier('real pages', 'realpages');
vitestTier('server', 'server');
const built = step('build', 'npm', ['run', 'build:all', '--silent']);
if (built) {
  step('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery']);
  vitestTier('end to end', 'e2e');
} else {
  summary.push('end to end   SKIPPED: the builds failed');
}

console.log('\n── Summary');
for (const line of summary) console.log(`  ${line}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
