import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/load/run';
import { openStorage } from '../../server/src/storage/open';
import { makeReport } from './fixtures';

describe('reports survive the process being killed', () => {
  const data = mkdtempSync(join(tmpdir(), 'cg-kill-'));
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('keeps every report answered 201 before a SIGKILL, none twice, and answers repeats after restart', async () => {
    const port = 19_000 + Math.floor(Math.random() * 1000);
    const url = `http://127.0.0.1:${port}/v1/reports`;
    const server = await startServer(data, port);
    const reports = Array.from({ length: 3000 }, (_, i) =>
      makeReport({ reporterId: `reporter-kill-${String(i).padStart(10, '0')}` }),
    );
    const answered: string[] = [];
    let sent = 0;
    const send = async () => {
      for (;;) {
        const report = reports[sent++];
        if (!report) return;
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(report),
          });
          if (response.status === 201) answered.push(report.id);
        } catch {
          return; // the server is gone
        }
        if (answered.length === 800) server.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 16 }, send));
    expect(answered.length).toBeGreaterThanOrEqual(800);
    expect(answered.length).toBeLessThan(reports.length);

    // Restarted on the same data: every answered report is there once, and a repeat is a replay.
    const again = await startServer(data, port);
    try {
      const replay = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(reports.find((report) => report.id === answered[0])),
      });
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replay')).toBe('true');
    } finally {
      again.kill('SIGTERM');
      await new Promise((resolve) => again.once('exit', resolve));
    }
    const storage = await openStorage({ dataDir: data });
    try {
      const stored = await storage.listReports({ brands: ['nike'], limit: 10_000, offset: 0 });
      const ids = stored.map((entry) => entry.report.id);
      expect(new Set(ids).size).toBe(ids.length);
      const missing = answered.filter((id) => !ids.includes(id));
      console.log(
        `[durability] ${answered.length} answered 201 before SIGKILL; ${ids.length} stored; missing ${missing.length}`,
      );
      expect(missing).toEqual([]);
    } finally {
      await storage.close();
    }
  });
});
