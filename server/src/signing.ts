import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_KEY_FILE, writeKeyPair } from '../../src/disk/registry-keys';
import { keyIdOf, publicOf } from '../../src/registry/artifact';

/** The signing key pair and its id (the first 16 hex digits of the SHA-256 of the public key's raw form). */
export interface Signer {
  keyId: string;
  publicJwk: JsonWebKey;
  /** For `signRegistry`; never leaves the service. */
  privateJwk: JsonWebKey;
}

/**
 * The key pair in `dir` (registry-signing.private.jwk.json and registry-signing.public.jwk.json,
 * as `counterfeit-guard registry keygen` writes them), made on first start for development. In
 * production the private key file is provisioned (and the public one pinned in the extension's build).
 */
/**
 * The key report origins are hashed with (origin.ts), kept beside the signing key and readable by
 * the owner only: the same key across restarts, so reports from one network keep counting once.
 */
export function loadOrCreateOriginKey(dir: string): Uint8Array {
  const path = join(dir, ORIGIN_KEY_FILE);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
}

const ORIGIN_KEY_FILE = 'origin.key';

export async function loadOrCreateSigner(dir: string): Promise<Signer> {
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  if (!existsSync(privatePath)) await writeKeyPair(dir, { force: true });
  const privateJwk = JSON.parse(readFileSync(privatePath, 'utf8')) as JsonWebKey;
  const publicJwk = publicOf(privateJwk);
  return { keyId: await keyIdOf(publicJwk), publicJwk, privateJwk };
}
