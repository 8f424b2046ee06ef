import { createHash } from 'node:crypto';
import { createPatch } from 'diff';
import type { Registry } from '../../src/registry/schema';
import type { Signer } from './signing';
import type { RegistryArtifact, Storage } from './storage/types';

/** What the signature covers: the registry and its version, issue and expiry times, as exact bytes. */
export interface SignedPayload {
  formatVersion: 1;
  version: number;
  issuedAt: string;
  expiresAt: string;
  registry: Registry;
}

/** The artifact as served: the payload text, and a signature over exactly its UTF-8 bytes. */
export interface SignedArtifact {
  formatVersion: 1;
  keyId: string;
  signature: string;
  payload: string;
}

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
  const previous = latest ? payloadOf(latest.body) : undefined;
  const content = { ...sources, flagged };
  if (latest && previous && sameContent(previous.registry, content)) return { artifact: latest, published: false };

  const version = Math.max(sources.version, (latest?.version ?? 0) + 1);
  const now = options.now ?? new Date();
  const payload: SignedPayload = {
    formatVersion: 1,
    version,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + options.validDays * 86_400_000).toISOString(),
    registry: { ...content, version },
  };
  // One value a line, so that a patch touches only the lines that changed.
  const text = JSON.stringify(payload, null, 1);
  const envelope: SignedArtifact = {
    formatVersion: 1,
    keyId: signer.keyId,
    signature: await signer.sign(new TextEncoder().encode(text)),
    payload: text,
  };
  const body = JSON.stringify(envelope);
  const artifact: RegistryArtifact = {
    version,
    body,
    etag: `"v${version}-${sha256(body).slice(0, 16)}"`,
    publishedAt: now.toISOString(),
  };
  const patch =
    latest && previous
      ? {
          from: latest.version,
          to: version,
          body: JSON.stringify({
            formatVersion: 1,
            from: latest.version,
            to: version,
            keyId: envelope.keyId,
            signature: envelope.signature,
            patch: createPatch('payload', payloadText(latest.body), text),
          }),
        }
      : undefined;
  await storage.saveRegistry(artifact, patch);
  return { artifact, published: true };
}

function payloadText(body: string): string {
  return (JSON.parse(body) as SignedArtifact).payload;
}

function payloadOf(body: string): SignedPayload {
  return JSON.parse(payloadText(body)) as SignedPayload;
}

/** The same registry content, whatever its version number. */
function sameContent(a: Registry, b: Registry): boolean {
  return JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });
}
