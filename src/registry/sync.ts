import { errorText } from '../error-text';
import { type Checked, checkArtifact, checkPatched, type Refusal, type SignedPayload } from './artifact';

/** The registry copy the extension holds, as stored: what a patch applies to and the status shows. */
export interface HeldCopy {
  version: number;
  /** The exact payload text the signature covered. */
  payload: string;
  etag?: string;
  source: string;
  issuedAt: string;
  /** Until when its signature vouches for it; absent on copies held before it was kept. */
  expiresAt?: string;
}

export type SyncOutcome =
  | { kind: 'updated'; version: number; source: string; via: 'full' | 'patch'; bytes: number }
  | { kind: 'unchanged'; version: number; source: string }
  | { kind: 'refused'; refusal: Refusal; detail: string; source: string }
  | {
      kind: 'failed';
      reason: 'network' | 'timeout' | 'http' | 'too_large' | 'truncated';
      detail: string;
      source: string;
    };

export interface SyncDeps {
  fetch: typeof fetch;
  now: () => Date;
  /** Public keys this build trusts (two slots, for rotation). */
  pinned: readonly JsonWebKey[];
  /** The companion service, then mirrors, in order. */
  sources: readonly string[];
  /** The version below which nothing is taken (the bundled copy's, or the one held). */
  floorVersion: number;
  held?: HeldCopy;
  /** Stores a checked copy; the caller swaps it in as one step. */
  store: (copy: HeldCopy, payload: SignedPayload) => Promise<void>;
  timeoutMs?: number;
  maxBytes?: number;
}

const TIMEOUT_MS = 15_000;
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * One sync: each source in order until one answers. A patch from the version held when the
 * source keeps one (its result checked like a full copy), else the full copy, conditionally.
 * Nothing is stored unless it passes every check; any failure leaves the held copy in place.
 */
export async function syncOnce(deps: SyncDeps): Promise<SyncOutcome> {
  let outcome: SyncOutcome | undefined;
  for (const source of deps.sources) {
    outcome = await fromSource(deps, source.replace(/\/+$/, ''));
    if (outcome.kind !== 'failed') return outcome;
  }
  return outcome ?? { kind: 'failed', reason: 'network', detail: 'no source is configured', source: '' };
}

async function fromSource(deps: SyncDeps, source: string): Promise<SyncOutcome> {
  const options = { heldVersion: deps.floorVersion, now: deps.now() };
  const held = deps.held && deps.held.version >= deps.floorVersion ? deps.held : undefined;
  // The patch endpoint also says "nothing newer" (304) for the version in use, held or bundled.
  const patch = await get(deps, `${source}/v1/registry/diff?from=${deps.floorVersion}`, {});
  if (patch.kind === 'not_modified') return { kind: 'unchanged', version: deps.floorVersion, source };
  if (patch.kind === 'ok' && held) {
    const checked = await checkPatched(held.payload, patch.text, deps.pinned, options);
    // A patch that does not check out is no reason to give up: the full copy may.
    if (checked.ok) return keep(deps, checked, source, undefined, 'patch', patch.text.length);
  } else if (patch.kind === 'failed' && patch.reason !== 'http') {
    return { ...patch, source };
  }
  const headers: Record<string, string> = held?.etag && held.source === source ? { 'if-none-match': held.etag } : {};
  const full = await get(deps, `${source}/v1/registry`, headers);
  if (full.kind === 'not_modified') return { kind: 'unchanged', version: deps.floorVersion, source };
  if (full.kind === 'failed') return { ...full, source };
  const checked = await checkArtifact(full.text, deps.pinned, options);
  if (!checked.ok) {
    // The very version in use, signed: up to date, not a rollback.
    if (checked.refusal === 'not_newer' && checked.version === deps.floorVersion) {
      return { kind: 'unchanged', version: deps.floorVersion, source };
    }
    return { kind: 'refused', refusal: checked.refusal, detail: checked.detail, source };
  }
  return keep(deps, checked, source, full.etag, 'full', full.text.length);
}

async function keep(
  deps: SyncDeps,
  checked: Extract<Checked, { ok: true }>,
  source: string,
  etag: string | undefined,
  via: 'full' | 'patch',
  bytes: number,
): Promise<SyncOutcome> {
  const { artifact, payload } = checked;
  await deps.store(
    {
      version: payload.version,
      payload: artifact.payload,
      ...(etag ? { etag } : {}),
      source,
      issuedAt: payload.issuedAt,
      expiresAt: payload.expiresAt,
    },
    payload,
  );
  return { kind: 'updated', version: payload.version, source, via, bytes };
}

type Got =
  | { kind: 'ok'; text: string; etag?: string }
  | { kind: 'not_modified' }
  | { kind: 'failed'; reason: 'network' | 'timeout' | 'http' | 'too_large' | 'truncated'; detail: string };

/** A GET with a timeout and a size cap; the body read as text only when whole. */
async function get(deps: SyncDeps, url: string, headers: Record<string, string>): Promise<Got> {
  const controller = new AbortController();
  const timeoutMs = deps.timeoutMs ?? TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let receiving = false;
  try {
    const response = await deps.fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
    receiving = true;
    if (response.status === 304) return { kind: 'not_modified' };
    if (!response.ok) return { kind: 'failed', reason: 'http', detail: `${url} answered ${response.status}` };
    const maxBytes = deps.maxBytes ?? MAX_BYTES;
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > maxBytes)
      return { kind: 'failed', reason: 'too_large', detail: `${declared} bytes is over the ${maxBytes} cap` };
    const reader = response.body?.getReader();
    if (!reader) return { kind: 'ok', text: await response.text() };
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { kind: 'failed', reason: 'too_large', detail: `over the ${maxBytes}-byte cap` };
      }
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.byteLength;
    }
    const etag = response.headers.get('etag') ?? undefined;
    return { kind: 'ok', text: new TextDecoder().decode(body), ...(etag ? { etag } : {}) };
  } catch (error) {
    if (controller.signal.aborted)
      return { kind: 'failed', reason: 'timeout', detail: `${url} did not answer within ${timeoutMs} ms` };
    const message = errorText(error);
    // The answer had begun when the connection dropped: the body came short.
    return { kind: 'failed', reason: receiving ? 'truncated' : 'network', detail: message };
  } finally {
    clearTimeout(timer);
  }
}

/** The delay before the next sync: a period with jitter after success, growing backoff after failure. */
export function nextDelayMs(outcome: SyncOutcome['kind'], failures: number, random = Math.random): number {
  const jitter = (ms: number) => ms * (0.8 + 0.4 * random());
  if (outcome !== 'failed') return jitter(6 * 60 * 60_000);
  return jitter(Math.min(6 * 60 * 60_000, 60_000 * 2 ** Math.min(failures, 12)));
}
