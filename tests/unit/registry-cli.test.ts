import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runRegistryCommand } from '../../src/cli/registry-command';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from '../../src/disk/registry-keys';
import { checkPatched, type SignedArtifact, type SignedPayload } from '../../src/registry/artifact';
import type { Registry } from '../../src/registry/schema';

const bin = join(process.cwd(), 'bin', 'counterfeit-guard.mjs');

/**
 * Runs the real CLI in a process, without blocking, so that independent runs share the cores.
 * Each start costs about two seconds of loading, so only the main path goes this way.
 */
function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, 'registry', ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Runs the same command in this process (one at a time: it captures the console): the exit code and what it printed. */
async function inProcess(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  try {
    const status = await runRegistryCommand(args);
    return { status, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('registry keygen, sign, verify and diff', { timeout: 20_000 }, () => {
  afterEach(() => vi.restoreAllMocks());

  const dir = mkdtempSync(join(tmpdir(), 'cg-registry-cli-'));
  const keys = join(dir, 'keys');
  const otherKeys = join(dir, 'other-keys');
  const compiled = join(dir, 'registry.json');
  const signed = join(dir, 'registry.signed.json');
  const changed = join(dir, 'registry-next.json');
  const signedNext = join(dir, 'registry-next.signed.json');
  const publicKey = join(keys, PUBLIC_KEY_FILE);
  let keyId: string;
  let registry: Registry;

  beforeAll(async () => {
    const [keygen, build, other] = await Promise.all([
      cli('keygen', '--out', keys),
      cli('build', '--out', compiled),
      inProcess('keygen', '--out', otherKeys),
    ]);
    expect(keygen.status, keygen.stderr).toBe(0);
    expect(other.status, other.stderr).toBe(0);
    expect(build.status, build.stderr).toBe(0);
    keyId = keygen.stdout.trim();
    registry = JSON.parse(readFileSync(compiled, 'utf8')) as Registry;

    // The next version: one brand's floor changed.
    const next = structuredClone(registry);
    const brand = next.brands[0]!;
    const category = Object.keys(brand.floors)[0]!;
    brand.floors[category] = (brand.floors[category] ?? 0) + 1;
    writeFileSync(changed, JSON.stringify(next));
    const privateKey = join(keys, PRIVATE_KEY_FILE);
    const signing = cli('sign', compiled, '--key', privateKey, '--out', signed);
    const second = await inProcess(
      'sign',
      changed,
      '--key',
      privateKey,
      '--out',
      signedNext,
      '--version',
      String(registry.version + 1),
    );
    const refused = await inProcess('keygen', '--out', keys);
    const first = await signing;
    expect(first.status, first.stderr).toBe(0);
    expect(second.status, second.stderr).toBe(0);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--force');
  });

  it('writes a WebCrypto key pair, the private half for its owner only', () => {
    expect(keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(statSync(join(keys, PRIVATE_KEY_FILE)).mode & 0o777).toBe(0o600);
    const publicJwk = JSON.parse(readFileSync(publicKey, 'utf8')) as JsonWebKey;
    expect(publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(publicJwk.d).toBeUndefined();
    const artifact = JSON.parse(readFileSync(signed, 'utf8')) as SignedArtifact;
    expect(artifact.keyId).toBe(keyId);
    expect((JSON.parse(artifact.payload) as SignedPayload).version).toBe(registry.version);
  });

  it('accepts the signed copy and refuses every damaged or stale one with its reason', async () => {
    const text = readFileSync(signed, 'utf8');
    const artifact = JSON.parse(text) as SignedArtifact;
    const payload = JSON.parse(artifact.payload) as SignedPayload;
    const at = artifact.payload.indexOf('"name": "') + 9;
    const flippedChar = artifact.payload[at] === 'X' ? 'Y' : 'X';
    const flipped = join(dir, 'flipped.json');
    writeFileSync(
      flipped,
      JSON.stringify({
        ...artifact,
        payload: artifact.payload.slice(0, at) + flippedChar + artifact.payload.slice(at + 1),
      }),
    );
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)));
    const afterExpiry = new Date(new Date(payload.expiresAt).getTime() + 1000).toISOString();
    const version = String(payload.version);

    // The exit codes of the real process for the accepted copy and one refusal; the rest in-process.
    const [valid, badSignature] = await Promise.all([
      cli('verify', signed, '--key', publicKey),
      cli('verify', flipped, '--key', publicKey),
    ]);
    const unknownKey = await inProcess('verify', signed, '--key', join(otherKeys, PUBLIC_KEY_FILE));
    const expired = await inProcess('verify', signed, '--key', publicKey, '--now', afterExpiry);
    const same = await inProcess('verify', signed, '--key', publicKey, '--held-version', version);
    const above = await inProcess('verify', signed, '--key', publicKey, '--held-version', String(payload.version + 1));
    const malformed = await inProcess('verify', truncated, '--key', publicKey);
    const usage = await inProcess('verify', signed);
    expect(valid.status, valid.stderr).toBe(0);
    expect(valid.stdout).toContain(`valid: registry version ${version}`);
    for (const [run, refusal] of [
      [badSignature, 'bad_signature'],
      [unknownKey, 'unknown_key'],
      [expired, 'expired'],
      [same, 'not_newer'],
      [above, 'not_newer'],
      [malformed, 'malformed'],
    ] as const) {
      expect(run.status, refusal).toBe(1);
      expect(run.stderr, refusal).toContain(`: ${refusal}: `);
    }
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--key');
  });

  it('makes a patch far smaller than the full copy, which rebuilds the next signed version', async () => {
    const patchFile = join(dir, 'patch.json');
    const run = await inProcess('diff', signed, signedNext, '--out', patchFile);
    expect(run.status, run.stderr).toBe(0);
    const patchText = readFileSync(patchFile, 'utf8');
    const fullText = readFileSync(signedNext, 'utf8');
    expect(patchText.length).toBeLessThan(fullText.length / 50);
    expect(run.stderr).toContain(`${Buffer.byteLength(patchText)} bytes, against ${Buffer.byteLength(fullText)} bytes`);

    const older = JSON.parse(readFileSync(signed, 'utf8')) as SignedArtifact;
    const newer = JSON.parse(fullText) as SignedArtifact;
    const publicJwk = JSON.parse(readFileSync(publicKey, 'utf8')) as JsonWebKey;
    const checked = await checkPatched(older.payload, patchText, [publicJwk], {
      heldVersion: registry.version,
      now: new Date(),
    });
    expect(checked.ok, checked.ok ? '' : `${checked.refusal}: ${checked.detail}`).toBe(true);
    if (checked.ok) {
      expect(checked.payload).toEqual(JSON.parse(newer.payload));
      expect(checked.payload.version).toBe(registry.version + 1);
      expect(checked.payload.registry.brands[0]!.floors).not.toEqual(registry.brands[0]!.floors);
    }
  });
});
