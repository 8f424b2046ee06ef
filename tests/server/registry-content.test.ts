import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import { networkOf, originOf } from '../../server/src/origin';
import { FLAG_CAPS, publish, type SignedArtifact, type SignedPayload } from '../../server/src/publish';
import { loadOrCreateSigner } from '../../server/src/signing';
import { openStorage } from '../../server/src/storage/open';
import type { FlaggedListing, RegistryArtifact, Storage } from '../../server/src/storage/types';
import { registryFromDisk } from '../../src/disk/registry-files';
import { checkArtifact, signRegistry } from '../../src/registry/artifact';

describe('where a report came from', () => {
  it('is the network, not the address: a household or a rented server counts once', () => {
    expect(networkOf('203.0.113.7')).toBe(networkOf('203.0.113.250'));
    expect(networkOf('203.0.113.7')).not.toBe(networkOf('203.0.114.7'));
    expect(networkOf('::ffff:203.0.113.7')).toBe(networkOf('203.0.113.9'));
    expect(networkOf('2001:db8:1:2::1')).toBe(networkOf('2001:0db8:0001:ffff::9'));
    expect(networkOf('2001:db8:1:2::1')).not.toBe(networkOf('2001:db8:2::1'));
  });

  it('is kept as a keyed hash that names no network', () => {
    const key = new Uint8Array(32).fill(7);
    const origin = originOf('203.0.113.7', key);
    expect(origin).toBe(originOf('203.0.113.99', key));
    expect(origin).not.toContain('203');
    expect(origin).not.toBe(originOf('203.0.113.7', new Uint8Array(32).fill(8)));
  });
});

describe('the reported listings a registry names', () => {
  /** A service whose reports name these listings; only what publish reads is there. */
  function storage(community: FlaggedListing[], confirmed: FlaggedListing[]): Storage {
    let latest: RegistryArtifact | undefined;
    return {
      flaggedListings: async () => ({ community, confirmed }),
      exclusively: <T>(_name: string, work: () => Promise<T>) => work(),
      latestRegistry: async () => latest,
      saveRegistry: async (artifact: RegistryArtifact) => {
        latest = artifact;
      },
    } as unknown as Storage;
  }

  it('caps them per brand and in all, the most reported kept, so no flood passes the download cap', async () => {
    const signer = await loadOrCreateSigner(join(mkdtempSync(join(tmpdir(), 'cg-caps-')), 'keys'));
    const flood = Array.from({ length: FLAG_CAPS.community + 4000 }, (_, i) => ({
      key: `amazon:FLOOD${i}`,
      brand: i < 3000 ? 'nike' : `brand-${i % 40}`,
      reporters: 100_000 - i,
    }));
    const confirmed = Array.from({ length: 50 }, (_, i) => ({ key: `ebay:CONF${i}`, brand: 'gucci' }));
    const { artifact } = await publish(storage(flood, confirmed), signer, registryFromDisk(), {
      minReporters: 3,
      validDays: 14,
    });
    const { registry } = JSON.parse((JSON.parse(artifact.body) as SignedArtifact).payload) as SignedPayload;
    expect(registry.flagged).toHaveLength(FLAG_CAPS.community);
    expect(registry.confirmed).toHaveLength(50);
    expect(registry.confirmed?.[0]).toMatchObject({ brand: 'gucci' });
    // One brand's flood does not crowd out the others: nike keeps its cap, the rest fills up.
    const hash = (key: string) => createHash('sha256').update(key).digest('hex');
    const named = new Set(registry.flagged);
    const nike = flood.filter((listing) => listing.brand === 'nike' && named.has(hash(listing.key)));
    expect(nike).toHaveLength(FLAG_CAPS.communityPerBrand);
    expect(nike.map((listing) => listing.key)).toEqual(
      flood.slice(0, FLAG_CAPS.communityPerBrand).map((listing) => listing.key),
    );
    // Each entry costs under 120 bytes: all of them together stay far under the 8 MB cap.
    expect(artifact.body.length).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('a registry that does not change', () => {
  it('is signed again before it expires, and the service says when the copy it serves is about to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-renew-'));
    const store = await openStorage({ dataDir: dir });
    try {
      const signer = await loadOrCreateSigner(join(dir, 'keys'));
      const sources = registryFromDisk();
      const day = 86_400_000;
      const start = Date.now() - 13.5 * day;
      const at = (days: number) => new Date(start + days * day);
      const first = await publish(store, signer, sources, { minReporters: 3, validDays: 14, now: at(0) });
      expect(first.published).toBe(true);
      // Unchanged and far from its expiry: nothing new.
      expect((await publish(store, signer, sources, { minReporters: 3, validDays: 14, now: at(3) })).published).toBe(
        false,
      );
      // Served now, half a day before it expires: unhealthy, and saying why.
      const app = buildApp({ storage: store });
      const health = await app.inject('/healthz');
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ ok: false, error: 'registry_expiring' });
      // Past half its validity: the same content, signed again as a new version.
      const again = await publish(store, signer, sources, { minReporters: 3, validDays: 14, now: at(7.5) });
      expect(again.published).toBe(true);
      expect(again.artifact.version).toBe(first.artifact.version + 1);
      const payload = (artifact: RegistryArtifact) =>
        JSON.parse((JSON.parse(artifact.body) as SignedArtifact).payload) as SignedPayload;
      expect(payload(again.artifact).registry).toEqual({
        ...payload(first.artifact).registry,
        version: payload(again.artifact).registry.version,
      });
      expect((await app.inject('/healthz')).statusCode).toBe(200);
      await app.close();
    } finally {
      await store.close();
    }
  });

  it('is refused by clients when signed to stay valid for longer than they accept', async () => {
    const signer = await loadOrCreateSigner(join(mkdtempSync(join(tmpdir(), 'cg-long-')), 'keys'));
    const now = new Date();
    const long = await signRegistry(registryFromDisk(), signer.privateJwk, { version: 9, now, validDays: 365 });
    const checked = await checkArtifact(long.text, [signer.publicJwk], { heldVersion: 0, now });
    expect(checked).toMatchObject({ ok: false, refusal: 'too_long_valid' });
    const usual = await signRegistry(registryFromDisk(), signer.privateJwk, { version: 9, now, validDays: 14 });
    expect((await checkArtifact(usual.text, [signer.publicJwk], { heldVersion: 0, now })).ok).toBe(true);
  });
});
