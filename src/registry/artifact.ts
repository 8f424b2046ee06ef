import { applyPatch, createPatch } from 'diff';
import * as v from 'valibot';
import { type Registry, RegistrySchema } from './schema';

/**
 * The signed registry as it travels: a payload text and an ECDSA P-256 (SHA-256) signature over
 * exactly its UTF-8 bytes. The same code signs (the companion service, the command line) and
 * checks (the extension), with WebCrypto everywhere.
 */
export interface SignedArtifact {
  formatVersion: 1;
  keyId: string;
  /** base64 of WebCrypto's r ‖ s. */
  signature: string;
  payload: string;
}

/** What the signature covers. */
export interface SignedPayload {
  formatVersion: 1;
  version: number;
  issuedAt: string;
  expiresAt: string;
  registry: Registry;
}

/** A patch from one version's payload text to the next one's, with the next one's signature. */
interface RegistryPatchBody {
  formatVersion: 1;
  from: number;
  to: number;
  keyId: string;
  signature: string;
  patch: string;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

const ArtifactSchema = v.strictObject({
  formatVersion: v.literal(1),
  keyId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
  signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]+={0,2}$/)),
  payload: v.string(),
});

const PayloadSchema = v.strictObject({
  formatVersion: v.literal(1),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  issuedAt: v.pipe(v.string(), v.isoTimestamp()),
  expiresAt: v.pipe(v.string(), v.isoTimestamp()),
  registry: RegistrySchema,
});

const PatchSchema = v.strictObject({
  formatVersion: v.literal(1),
  from: v.pipe(v.number(), v.integer(), v.minValue(1)),
  to: v.pipe(v.number(), v.integer(), v.minValue(1)),
  keyId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
  signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]+={0,2}$/)),
  patch: v.string(),
});

const bytes = (text: string) => new TextEncoder().encode(text);

function base64(buffer: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function unbase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The first 16 hex digits of the SHA-256 of the public key's raw form. */
export async function keyIdOf(publicJwk: JsonWebKey): Promise<string> {
  const key = await crypto.subtle.importKey('jwk', publicJwk, ALGORITHM, true, ['verify']);
  const raw = await crypto.subtle.exportKey('raw', key);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
  return [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function generateKeyPair(): Promise<{ privateJwk: JsonWebKey; publicJwk: JsonWebKey; keyId: string }> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateJwk, publicJwk, keyId: await keyIdOf(publicJwk) };
}

/** The public half of a private JWK. */
export function publicOf(privateJwk: JsonWebKey): JsonWebKey {
  const { d: _secret, key_ops: _ops, ...publicJwk } = privateJwk;
  return { ...publicJwk, key_ops: ['verify'] };
}

/** Signs a registry as a version, valid from `now` for `validDays`. */
export async function signRegistry(
  registry: Registry,
  privateJwk: JsonWebKey,
  options: { version: number; now: Date; validDays: number },
): Promise<{ artifact: SignedArtifact; text: string }> {
  const payload: SignedPayload = {
    formatVersion: 1,
    version: options.version,
    issuedAt: options.now.toISOString(),
    expiresAt: new Date(options.now.getTime() + options.validDays * 86_400_000).toISOString(),
    registry: { ...registry, version: options.version },
  };
  // One value a line, so that a patch touches only the lines that changed.
  const text = JSON.stringify(payload, null, 1);
  const key = await crypto.subtle.importKey('jwk', privateJwk, ALGORITHM, false, ['sign']);
  const artifact: SignedArtifact = {
    formatVersion: 1,
    keyId: await keyIdOf(publicOf(privateJwk)),
    signature: base64(await crypto.subtle.sign(SIGNATURE, key, bytes(text))),
    payload: text,
  };
  return { artifact, text: JSON.stringify(artifact) };
}

/** A patch from the older artifact's payload to the newer's; the receiver checks the newer signature. */
export function patchBetween(
  older: SignedArtifact,
  newer: SignedArtifact,
  from: number,
  to: number,
): RegistryPatchBody {
  return {
    formatVersion: 1,
    from,
    to,
    keyId: newer.keyId,
    signature: newer.signature,
    patch: createPatch('payload', older.payload, newer.payload),
  };
}

export type Refusal =
  | 'malformed'
  | 'unknown_key'
  | 'bad_signature'
  | 'bad_schema'
  | 'not_newer'
  | 'expired'
  | 'not_yet_valid'
  | 'too_long_valid'
  | 'patch_failed';

/**
 * The longest validity a client accepts: a copy signed for longer would let a stolen key's one
 * signature, or a registry that stopped being published, live on for that long.
 */
const MAX_VALID_DAYS = 31;

export type Checked =
  | { ok: true; artifact: SignedArtifact; payload: SignedPayload }
  | { ok: false; refusal: Refusal; detail: string; version?: number };

/**
 * Checks an artifact before a byte of it is kept: its shape, a signature by one of the pinned
 * keys over exactly the payload's bytes, the payload's schema, a version above the one held,
 * and its validity period.
 */
export async function checkArtifact(
  text: string,
  pinned: readonly JsonWebKey[],
  options: { heldVersion: number; now: Date },
): Promise<Checked> {
  const artifact = parsedJson(ArtifactSchema, text);
  return artifact.ok ? checkSigned(artifact.value, pinned, options) : artifact;
}

/** The text as JSON of the schema's shape, or why it is not: a refusal as malformed. */
function parsedJson<S extends v.GenericSchema>(
  schema: S,
  text: string,
): { ok: true; value: v.InferOutput<S> } | { ok: false; refusal: 'malformed'; detail: string } {
  try {
    const parsed = v.safeParse(schema, JSON.parse(text));
    return parsed.success
      ? { ok: true, value: parsed.output }
      : { ok: false, refusal: 'malformed', detail: parsed.issues[0].message };
  } catch (error) {
    return { ok: false, refusal: 'malformed', detail: (error as Error).message };
  }
}

/** The same checks for a payload rebuilt from a patch. */
export async function checkPatched(
  oldPayload: string,
  patchText: string,
  pinned: readonly JsonWebKey[],
  options: { heldVersion: number; now: Date },
): Promise<Checked> {
  const parsed = parsedJson(PatchSchema, patchText);
  if (!parsed.ok) return parsed;
  const { keyId, signature, patch } = parsed.value;
  const payload = applyPatch(oldPayload, patch);
  if (payload === false)
    return { ok: false, refusal: 'patch_failed', detail: 'the patch does not apply to the copy held' };
  return checkSigned({ formatVersion: 1, keyId, signature, payload }, pinned, options);
}

async function checkSigned(
  artifact: SignedArtifact,
  pinned: readonly JsonWebKey[],
  options: { heldVersion: number; now: Date },
): Promise<Checked> {
  let key: JsonWebKey | undefined;
  for (const candidate of pinned) if ((await keyIdOf(candidate)) === artifact.keyId) key = candidate;
  if (!key) return { ok: false, refusal: 'unknown_key', detail: `key ${artifact.keyId} is not one this build trusts` };
  const publicKey = await crypto.subtle.importKey('jwk', key, ALGORITHM, false, ['verify']);
  let valid = false;
  try {
    valid = await crypto.subtle.verify(SIGNATURE, publicKey, unbase64(artifact.signature), bytes(artifact.payload));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, refusal: 'bad_signature', detail: 'the signature does not match the payload' };
  let payload: SignedPayload;
  try {
    const parsed = v.safeParse(PayloadSchema, JSON.parse(artifact.payload));
    if (!parsed.success) {
      const issue = parsed.issues[0];
      return { ok: false, refusal: 'bad_schema', detail: `${v.getDotPath(issue) ?? 'payload'}: ${issue.message}` };
    }
    payload = parsed.output as SignedPayload;
  } catch (error) {
    return { ok: false, refusal: 'bad_schema', detail: (error as Error).message };
  }
  if (payload.version <= options.heldVersion) {
    return {
      ok: false,
      refusal: 'not_newer',
      detail: `version ${payload.version} is not above ${options.heldVersion}`,
      version: payload.version,
    };
  }
  if (new Date(payload.expiresAt) <= options.now) {
    return { ok: false, refusal: 'expired', detail: `expired at ${payload.expiresAt}` };
  }
  if (new Date(payload.issuedAt).getTime() > options.now.getTime() + 86_400_000) {
    return { ok: false, refusal: 'not_yet_valid', detail: `issued in the future, at ${payload.issuedAt}` };
  }
  if (Date.parse(payload.expiresAt) - Date.parse(payload.issuedAt) > MAX_VALID_DAYS * 86_400_000) {
    return {
      ok: false,
      refusal: 'too_long_valid',
      detail: `valid from ${payload.issuedAt} to ${payload.expiresAt}, over ${MAX_VALID_DAYS} days`,
    };
  }
  return { ok: true, artifact, payload };
}
