import { createHash } from 'node:crypto';
import { patchBetween, type SignedArtifact, type SignedPayload, signRegistry } from '../../src/registry/artifact';
import type { Registry } from '../../src/registry/schema';
import type { Signer } from './signing';
import type { RegistryArtifact, Storage } from './storage/types';

export type { SignedArtifact, SignedPayload };

export interface PublishOptions {
  /** Distinct reporters that make a listing community-flagged. */
  minReporters: number;
  /** How long a copy is trusted after it is issued. */
  validDays: number;
  now?: Date;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The publish job: the registry compiled from its sources plus the community-flagged listings
 * (hashed keys), signed as a new version when anything changed since the version served. The
 * version only grows. A patch from the previous version is kept beside it.
 */
export async function publish(
  storage: Storage,
  signer: Signer,
  sources: Registry,
  options: PublishOptions,
): Promise<{ artifact: RegistryArtifact; published: boolean }> {
  const flagged = (await storage.flaggedKeys(options.minReporters)).map(sha256).sort();
  const latest = await storage.latestRegistry();
  const previous = latest ? (JSON.parse(latest.body) as SignedArtifact) : undefined;
  const content = { ...sources, flagged };
  if (latest && previous && sameContent(payloadOf(previous).registry, content)) {
    return { artifact: latest, published: false };
  }

  const version = Math.max(sources.version, (latest?.version ?? 0) + 1);
  const now = options.now ?? new Date();
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
