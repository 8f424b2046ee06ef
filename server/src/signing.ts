import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** The signing key and its id (the first 16 hex digits of the SHA-256 of the public key's raw form). */
export interface Signer {
  keyId: string;
  publicJwk: JsonWebKey;
  /** ECDSA P-256 over SHA-256, as WebCrypto makes and checks it (r ‖ s), in base64. */
  sign(bytes: Uint8Array<ArrayBuffer>): Promise<string>;
}

const PRIVATE_FILE = 'registry-signing.private.jwk.json';
const PUBLIC_FILE = 'registry-signing.public.jwk.json';

/**
 * The key pair in `dir`, made on first start for development. In production the private key
 * file is provisioned (and the public one pinned in the extension's build).
 */
export async function loadOrCreateSigner(dir: string): Promise<Signer> {
  const privatePath = join(dir, PRIVATE_FILE);
  if (!existsSync(privatePath)) {
    mkdirSync(dir, { recursive: true });
    const pair = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
    writeFileSync(privatePath, JSON.stringify(await crypto.subtle.exportKey('jwk', pair.privateKey)), { mode: 0o600 });
    writeFileSync(join(dir, PUBLIC_FILE), JSON.stringify(await crypto.subtle.exportKey('jwk', pair.publicKey)));
  }
  const privateJwk = JSON.parse(readFileSync(privatePath, 'utf8')) as JsonWebKey;
  const privateKey = await crypto.subtle.importKey('jwk', privateJwk, ALGORITHM, false, ['sign']);
  const { d: _secret, key_ops: _ops, ...publicJwk } = privateJwk;
  const publicKey = await crypto.subtle.importKey('jwk', { ...publicJwk, key_ops: ['verify'] }, ALGORITHM, true, [
    'verify',
  ]);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
  return {
    keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
    publicJwk: { ...publicJwk, key_ops: ['verify'] },
    async sign(bytes) {
      const signature = await crypto.subtle.sign(SIGNATURE, privateKey, bytes);
      return Buffer.from(signature).toString('base64');
    },
  };
}

/** Whether `signature` (base64) is a valid signature of exactly `bytes` by the public key. */
export async function verifySignature(
  publicJwk: JsonWebKey,
  bytes: Uint8Array<ArrayBuffer>,
  signature: string,
): Promise<boolean> {
  const key = await crypto.subtle.importKey('jwk', publicJwk, ALGORITHM, false, ['verify']);
  return crypto.subtle.verify(SIGNATURE, key, Buffer.from(signature, 'base64'), bytes);
}
