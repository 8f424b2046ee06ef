import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

// Packing runs the prepare step (the command line's build); installing takes the packages from
// npm's cache where it has them.
describe('the command line as a package', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-package-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('installs in a fresh folder with its runtime dependencies alone, and runs check and scan', () => {
    const tarball = npm(['pack', '--silent', '--pack-destination', dir], process.cwd()).split('\n').at(-1)!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'probe', private: true }));
    npm(['install', '--prefer-offline', '--omit=dev', '--no-audit', '--no-fund', join(dir, tarball)], dir);
    // Nothing that only builds or tests the project came with it.
    for (const tool of ['tsx', 'typescript', 'wxt', 'vitest'])
      expect(existsSync(join(dir, 'node_modules', tool)), tool).toBe(false);
    const bin = join(dir, 'node_modules', '.bin', 'counterfeit-guard');

    const listings = join(dir, 'listings.jsonl');
    writeFileSync(listings, '{"title": "Rolex Submariner replica automatic watch", "price": 120, "currency": "USD"}\n');
    const checked = JSON.parse(execFileSync(bin, ['check', '--json', listings], { encoding: 'utf8' }));
    expect(checked.assessment).toMatchObject({ level: 'high', brand: 'Rolex' });

    const page = join(process.cwd(), 'tests', 'fixtures', 'amazon', 'louis-vuitton-bag.html');
    const scanned = JSON.parse(
      execFileSync(bin, ['scan', '--json', '--url', 'https://www.amazon.com/dp/B0TESTLVB1', page], {
        encoding: 'utf8',
      }),
    );
    expect(scanned.listings[0]).toMatchObject({ assessment: { level: 'high' } });

    // Help is asked for on every command: it is printed to standard output, and the command succeeds.
    for (const args of [['--help'], ['help'], ['scan', '--help'], ['check', '-h'], ['eval', '--help']])
      expect(execFileSync(bin, args, { encoding: 'utf8' }), args.join(' ')).toContain('Usage: counterfeit-guard scan');
    expect(execFileSync(bin, ['registry', '--help'], { encoding: 'utf8' })).toContain(
      'counterfeit-guard registry build',
    );
  });
});
