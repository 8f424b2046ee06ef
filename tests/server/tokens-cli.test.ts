import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../server/src/storage/open';
import { hashToken, tokenFrom } from '../../server/src/tokens';

/** The service's command line, as an operator runs it. */
function service(data: string, ...args: string[]): { stdout: string; status: number } {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts', ...args, '--data', data], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout, status: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; status: number };
    return { stdout: `${failed.stdout}${failed.stderr}`, status: failed.status };
  }
}

describe('volunteer tokens from the command line', () => {
  it('lists tokens without showing them, revokes one by its id, and makes ones that expire on a date', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cg-tokens-'));
    const nike = service(data, 'token', 'create', '--brand', 'nike', '--name', 'Nike volunteer').stdout.trim();
    const gucci = service(
      data,
      'token',
      'create',
      '--brand',
      'gucci',
      '--name',
      'Gucci volunteer',
      '--expires',
      '2099-01-01',
    ).stdout.trim();
    expect(nike).toMatch(/^cgv_/);
    // An admin token needs no brand; without --admin a token needs one.
    expect(service(data, 'token', 'create', '--admin', '--name', 'Coordinator').stdout.trim()).toMatch(/^cgv_/);
    expect(service(data, 'token', 'create', '--name', 'No brand').status).toBe(2);

    const listed = service(data, 'token', 'list').stdout;
    expect(listed).toContain('Nike volunteer  [nike]');
    expect(listed).toContain('Gucci volunteer  [gucci]');
    expect(listed).toContain('Coordinator (admin)  []');
    expect(listed).toContain('expires 2099-01-01T00:00:00.000Z');
    expect(listed).not.toContain(nike);
    expect(listed).not.toContain(gucci);

    const id = hashToken(nike).slice(0, 12);
    expect(listed).toContain(id);
    expect(service(data, 'token', 'revoke', 'zz').status).toBe(2);
    expect(service(data, 'token', 'revoke', '00000000').stdout).toContain('no token has the id 00000000');
    expect(service(data, 'token', 'revoke', id).stdout).toContain('Revoked');
    expect(service(data, 'token', 'create', '--brand', 'nike', '--name', 'X', '--expires', '2001-01-01').status).toBe(
      2,
    );

    const storage = await openStorage({ dataDir: data });
    try {
      expect(await tokenFrom(storage, `Bearer ${nike}`)).toEqual({ error: 'unknown' });
      expect(await tokenFrom(storage, `Bearer ${gucci}`)).toMatchObject({ record: { name: 'Gucci volunteer' } });
      expect((await storage.listTokens()).map((record) => record.name)).toEqual(['Gucci volunteer', 'Coordinator']);
    } finally {
      await storage.close();
    }
  }, 60_000);
});
