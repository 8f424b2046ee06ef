import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair } from '../registry/artifact';

/** The key pair's file names, the same for the command line and the companion service. */
export const PRIVATE_KEY_FILE = 'registry-signing.private.jwk.json';
export const PUBLIC_KEY_FILE = 'registry-signing.public.jwk.json';

/** A key file that cannot be used, with what to do about it. */
export class KeyFileError extends Error {}

/**
 * Makes an ECDSA P-256 key pair in `dir` as WebCrypto JWK files, the private one readable by its
 * owner only. Refuses to replace either file unless `force`.
 */
export async function writeKeyPair(
  dir: string,
  options: { force?: boolean } = {},
): Promise<{ keyId: string; privatePath: string; publicPath: string }> {
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  const publicPath = join(dir, PUBLIC_KEY_FILE);
  if (!options.force) {
    const taken = [privatePath, publicPath].filter((path) => existsSync(path));
    if (taken.length > 0) {
      throw new KeyFileError(
        `${taken.join(' and ')} already exist${taken.length === 1 ? 's' : ''}: keep the pair, choose another folder, or pass --force to replace it (copies signed with the old key will then no longer verify against the new public key).`,
      );
    }
  }
  const { privateJwk, publicJwk, keyId } = await generateKeyPair();
  mkdirSync(dir, { recursive: true });
  writeFileSync(privatePath, `${JSON.stringify(privateJwk, null, 2)}\n`, {
    mode: 0o600,
    flag: options.force ? 'w' : 'wx',
  });
  // The mode given to writeFileSync applies only to a new file; a replaced one keeps its own.
  chmodSync(privatePath, 0o600);
  writeFileSync(publicPath, `${JSON.stringify(publicJwk, null, 2)}\n`, { flag: options.force ? 'w' : 'wx' });
  return { keyId, privatePath, publicPath };
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Reads a P-256 JWK file; `kind` says which half the command needs. */
export function readKeyFile(path: string, kind: 'private' | 'public'): JsonWebKey {
  const wanted = kind === 'private' ? PRIVATE_KEY_FILE : PUBLIC_KEY_FILE;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KeyFileError(
      code === 'ENOENT'
        ? `${path}: no such file. Give the ${wanted} that \`counterfeit-guard registry keygen --out DIR\` wrote, or make a pair with it.`
        : `${path}: could not be read (${(error as Error).message}).`,
    );
  }
  let jwk: JsonWebKey;
  try {
    jwk = JSON.parse(text) as JsonWebKey;
  } catch (error) {
    throw new KeyFileError(
      `${path}: not valid JSON (${(error as Error).message}). Give the ${wanted} that \`registry keygen\` wrote.`,
    );
  }
  if (
    typeof jwk !== 'object' ||
    jwk === null ||
    jwk.kty !== 'EC' ||
    jwk.crv !== 'P-256' ||
    !B64URL.test(jwk.x ?? '') ||
    !B64URL.test(jwk.y ?? '')
  ) {
    throw new KeyFileError(
      `${path}: not an ECDSA P-256 key in JWK form (kty "EC", crv "P-256", x, y). Give the ${wanted} that \`registry keygen\` wrote.`,
    );
  }
  const isPrivate = typeof jwk.d === 'string' && B64URL.test(jwk.d);
  if (kind === 'private' && !isPrivate) {
    throw new KeyFileError(`${path}: this is a public key; signing needs the private key (${wanted}).`);
  }
  if (kind === 'public' && jwk.d !== undefined) {
    throw new KeyFileError(
      `${path}: this is a private key; checking needs only the public key (${wanted}), which is the one to share.`,
    );
  }
  return jwk;
}
