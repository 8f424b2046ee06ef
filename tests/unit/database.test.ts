// @vitest-environment node
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/reports/outbox';
import { newEntry } from '../../src/reports/outbox-model';
import { makeReport } from '../server/fixtures';

describe('the extension’s database', () => {
  it('upgrades a version 3 database in place: its outbox entries are found by listing', async () => {
    const held = newEntry('report', makeReport(), 0);
    const old = await openDB('counterfeit-guard', 3, {
      upgrade(db) {
        db.createObjectStore('registry');
        db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
        db.createObjectStore('auditSessions', { keyPath: 'id' });
        db.createObjectStore('auditRows', { keyPath: ['sessionId', 'key'] });
      },
    });
    await old.put('outbox', held);
    old.close();

    const outbox = createOutbox({
      deliver: async () => ({ ok: true }),
      now: () => 0,
      random: () => 0.5,
      wake: () => undefined,
    });
    expect((await outbox.forListing(held.body.listing.key)).map((entry) => entry.id)).toEqual([held.id]);
    expect(await outbox.forListing('ebay:999999999999')).toEqual([]);
  });
});
