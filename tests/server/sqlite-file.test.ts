import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateOriginKey } from '../../server/src/signing';
import { openStorage, SQLITE_FILE } from '../../server/src/storage/open';

describe('the SQLite file and the keys on disk', () => {
  it('are readable by their owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-file-'));
    const store = await openStorage({ dataDir: dir });
    const file = join(dir, SQLITE_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await store.close();
    loadOrCreateOriginKey(join(dir, 'keys'));
    expect(statSync(join(dir, 'keys', 'origin.key')).mode & 0o777).toBe(0o600);
    // Reopened, it keeps its mode.
    await (await openStorage({ dataDir: dir })).close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
