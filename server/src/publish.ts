import { createHash } from 'node:crypto';
import { patchBetween, type SignedArtifact, type SignedPayload, signRegistry } from '../../src/registry/artifact';
import type { Registry } from '../../src/registry/schema';
import type { Signer } from './signing';
import type { RegistryArtifact, Storage } from './storage/types';

export type { SignedArtifact, SignedPayload };

interface PublishOptions {
  /** Distinct reporters, from as many distinct origins, that make a listing community-flagged. */
  minReporters: number;
  /** Reports older than this many days no longer count towards a community flag. */
  flagDays?: number;
  /** How long a copy is trusted after it is issued. */
  validDays: number;
  /**
   * A copy this close to its expiry is signed again, as a new version with the same content, so
   * that clients never hold an expired one while the service runs (default: half of validDays).
   */
  renewDays?: number;
  now?: Date;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Caps on the reported listings a registry names, so that no flood of reports can push it past
 * the extension's download cap (8 MB; each entry costs under 120 bytes): in all, and per brand
 * (one brand's flood does not crowd out the others). The most reported are kept.
 */
export const FLAG_CAPS = { community: 5000, communityPerBrand: 500, confirmed: 10_000, days: 90 };

/**
 * The publish job: the registry compiled from its sources plus the reported listings (hashed
 * keys): those shoppers from several origins reported, and those a volunteer confirmed. Signed as a new version when anything changed since the version served. The
 * version only grows. A patch from the previous version is kept beside it. A copy past half its
 * validity is signed again with the same content: an unchanged registry must not expire.
 */
export function publish(
  storage: Storage,
  signer: Signer,
  sources: Registry,
  options: PublishOptions,
): Promise<{ artifact: RegistryArtifact; published: boolean }> {
  // Instances on one database publish one at a time: the second sees the first's version.
  return storage.exclusively('publish', () => publishNow(storage, signer, sources, options));
}

async function publishNow(
  storage: Storage,
  signer: Signer,
  sources: Registry,
  options: PublishOptions,
): Promise<{ artifact: RegistryArtifact; published: boolean }> {
  const now = options.now ?? new Date();
  const days = options.flagDays ?? FLAG_CAPS.days;
  const reported = await storage.flaggedListings({
    minReporters: options.minReporters,
    sinceMs: now.getTime() - days * 86_400_000,
  });
  const perBrand = new Map<string, number>();
  const community = reported.community.filter(({ brand = '' }) => {
    const count = (perBrand.get(brand) ?? 0) + 1;
    perBrand.set(brand, count);
    return count <= FLAG_CAPS.communityPerBrand;
  });
  const flagged = community
    .slice(0, FLAG_CAPS.community)
    .map(({ key }) => sha256(key))
    .sort();
  const confirmed = reported.confirmed
    .slice(0, FLAG_CAPS.confirmed)
    .map(({ key, brand }) => ({ key: sha256(key), brand: brand ?? 'unknown' }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const latest = await storage.latestRegistry();
  const previous = latest ? (JSON.parse(latest.body) as SignedArtifact) : undefined;
  const content = { ...sources, flagged, confirmed };
  const renewBy = (options.renewDays ?? options.validDays / 2) * 86_400_000;
  const fresh = previous && Date.parse(payloadOf(previous).expiresAt) - now.getTime() > renewBy;
  if (latest && previous && fresh && sameContent(payloadOf(previous).registry, content)) {
    return { artifact: latest, published: false };
  }

  const version = Math.max(sources.version, (latest?.version ?? 0) + 1);
  const signed = await signRegistry(content, signer.privateJwk, { version, now, validDays: options.validDays });
  const artifact: RegistryArtifact = {
    version,
    body: signed.text,
    etag: `"v${version}-${sha256(signed.text).slice(0, 16)}"`,
    publishedAt: now.toISOString(),
  };
  const patch =
    latest && previous
      ? {
          from: latest.version,
          to: version,
          body: JSON.stringify(patchBetween(previous, signed.artifact, latest.version, version)),
        }
      : undefined;
  await storage.saveRegistry(artifact, patch);
  return { artifact, published: true };
}

function payloadOf(artifact: SignedArtifact): SignedPayload {
  return JSON.parse(artifact.payload) as SignedPayload;
}

/** The same registry content, whatever its version number. */
function sameContent(a: Registry, b: Registry): boolean {
  return JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });
}
