import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { REGISTRY_SOURCES, registryFromDisk } from '../disk/registry-files';
import { KeyFileError, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, readKeyFile, writeKeyPair } from '../disk/registry-keys';
import { checkArtifact, patchBetween, type Refusal, type SignedArtifact, signRegistry } from '../registry/artifact';
import { RegistryBuildError } from '../registry/compile';
import { type Registry, RegistrySchema } from '../registry/schema';

/** Each verb's synopsis and what it does. */
const VERBS = {
  build: [
    'build [--sources DIR] [--out FILE]',
    `Compiles the registry sources (default: the repository's assets/registry/) into one JSON
file, or lists every problem found, each with its file, brand and field.`,
  ],
  keygen: [
    'keygen --out DIR [--force]',
    `Makes an ECDSA P-256 signing key pair as WebCrypto JWK files: DIR/${PRIVATE_KEY_FILE}
(owner-only; keep it secret) and DIR/${PUBLIC_KEY_FILE} (pin it in the extension's
build), and prints the key id. Never replaces existing files without --force.`,
  ],
  sign: [
    'sign FILE --key PRIVATE [--out SIGNED] [--version N] [--valid-days D]',
    `Signs a registry compiled by \`registry build\` as version N (default: its own version),
valid for D days from now (default 14).`,
  ],
  verify: [
    'verify SIGNED --key PUBLIC [--key PUBLIC …] [--held-version N] [--now ISO]',
    `Checks a signed copy as the extension does: a signature by one of the keys over exactly the
payload's bytes, the registry's schema, a version above N (default 0), and its validity at
--now (default: the current time). Exits 0 when it would be accepted; otherwise prints the
refusal (malformed, unknown_key, bad_signature, bad_schema, not_newer, expired, not_yet_valid,
 too_long_valid)
and exits 1.`,
  ],
  diff: [
    'diff OLD NEW [--out PATCH]',
    `Makes the patch from one signed copy to a newer one (versions read from their payloads),
carrying NEW's signature, which the receiver checks on the payload it rebuilds.`,
  ],
} as const;
type Verb = keyof typeof VERBS;

const indent = (text: string) => text.replaceAll('\n', '\n          ');

export const REGISTRY_USAGE = `Usage: ${Object.values(VERBS)
  .map(([synopsis]) => `counterfeit-guard registry ${synopsis}`)
  .join('\n       ')}

${Object.entries(VERBS)
  .map(([verb, [, help]]) => `  ${verb.padEnd(8)}${indent(help)}`)
  .join('\n')}

  Exit status: 0 done, 1 failed (the message says why and what to do), 2 usage error.`;

function verbUsage(verb: Verb): string {
  const [synopsis, help] = VERBS[verb];
  return `Usage: counterfeit-guard registry ${synopsis}\n\n  ${help.replaceAll('\n', '\n  ')}`;
}

class UsageError extends Error {}
/** A failure the user can act on: exit 1 with the message, no stack. */
class CommandError extends Error {}

/** The registry commands; resolves to the exit code once the command has finished. */
export async function runRegistryCommand(args: string[]): Promise<number> {
  return start(args);
}

function start(args: string[]): number | Promise<number> {
  const [verb, ...rest] = args;
  if (verb === undefined || verb === 'help' || verb === '--help' || verb === '-h') {
    (verb ? console.log : console.error)(REGISTRY_USAGE);
    return verb ? 0 : 2;
  }
  if (!(verb in VERBS)) {
    console.error(`Unknown registry command: ${verb}\n\n${REGISTRY_USAGE}`);
    return 2;
  }
  let run: () => number | Promise<number>;
  try {
    run = prepare(verb as Verb, rest);
  } catch (error) {
    // parseArgs reports unknown options and missing values with ERR_PARSE_ARGS_* codes.
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!(error instanceof UsageError) && !code.startsWith('ERR_PARSE_ARGS')) throw error;
    console.error(`registry ${verb}: ${(error as Error).message}\n\n${verbUsage(verb as Verb)}`);
    return 2;
  }
  return guarded(run);
}

function guarded(run: () => number | Promise<number>): number | Promise<number> {
  const fail = (error: unknown): number => {
    if (error instanceof CommandError || error instanceof KeyFileError || error instanceof RegistryBuildError) {
      console.error(error.message);
      return 1;
    }
    console.error(error);
    return 1;
  };
  try {
    const outcome = run();
    return typeof outcome === 'number' ? outcome : outcome.catch(fail);
  } catch (error) {
    return fail(error);
  }
}

/** Parses the verb's arguments (usage errors throw here) and returns the work to do. */
function prepare(verb: Verb, args: string[]): () => number | Promise<number> {
  switch (verb) {
    case 'build': {
      const { values } = parseArgs({ args, options: { sources: { type: 'string' }, out: { type: 'string' } } });
      return () => build(values.sources ?? REGISTRY_SOURCES, values.out);
    }
    case 'keygen': {
      const { values } = parseArgs({ args, options: { out: { type: 'string' }, force: { type: 'boolean' } } });
      if (!values.out) throw new UsageError('name the folder for the key pair with --out DIR.');
      const dir = values.out;
      return () => keygen(dir, values.force ?? false);
    }
    case 'sign': {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          key: { type: 'string' },
          out: { type: 'string' },
          version: { type: 'string' },
          'valid-days': { type: 'string' },
        },
      });
      const file = onePositional(
        positionals,
        'name one compiled registry file (as `registry build --out FILE` writes)',
      );
      if (!values.key) throw new UsageError(`name the private key file with --key (${PRIVATE_KEY_FILE}).`);
      const key = values.key;
      const version = values.version === undefined ? undefined : positiveInteger('--version', values.version);
      const validDays = values['valid-days'] === undefined ? 14 : positiveNumber('--valid-days', values['valid-days']);
      return () => sign(file, key, { out: values.out, version, validDays });
    }
    case 'verify': {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          key: { type: 'string', multiple: true },
          'held-version': { type: 'string' },
          now: { type: 'string' },
        },
      });
      const file = onePositional(positionals, 'name one signed registry file');
      if (!values.key?.length) throw new UsageError(`name the public key file with --key (${PUBLIC_KEY_FILE}).`);
      const keys = values.key;
      const held = values['held-version'];
      const heldVersion = held === undefined ? 0 : nonNegativeInteger('--held-version', held);
      const now = values.now === undefined ? new Date() : isoTime('--now', values.now);
      return () => verify(file, keys, { heldVersion, now });
    }
    case 'diff': {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
      if (positionals.length !== 2) {
        throw new UsageError('name two signed registry files, the older first: OLD NEW.');
      }
      return () => diff(positionals[0]!, positionals[1]!, values.out);
    }
  }
}

function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(
      `${what}${positionals.length > 1 ? `; got ${positionals.length}: ${positionals.join(' ')}` : ''}.`,
    );
  }
  return positionals[0]!;
}

function positiveInteger(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${flag} must be a whole number of 1 or more, not "${text}".`);
  }
  return n;
}

function nonNegativeInteger(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) {
    throw new UsageError(`${flag} must be a whole number of 0 or more, not "${text}".`);
  }
  return n;
}

function positiveNumber(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`${flag} must be a number of days above 0, not "${text}".`);
  }
  return n;
}

function isoTime(flag: string, text: string): Date {
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new UsageError(`${flag} must be an ISO 8601 time such as 2025-01-31T12:00:00Z, not "${text}".`);
  }
  return date;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandError(
      code === 'ENOENT'
        ? `${path}: no such file; give the path of ${what}.`
        : `${path}: could not be read (${(error as Error).message}).`,
    );
  }
}

function writeOutput(path: string | undefined, text: string): void {
  if (!path) {
    console.log(text);
    return;
  }
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new CommandError(
      `${path}: could not be written (${(error as Error).message}); check that its folder exists and is writable.`,
    );
  }
}

function build(sources: string, out: string | undefined): number {
  const registry = registryFromDisk(sources);
  writeOutput(out, JSON.stringify(registry));
  const groups = new Set(registry.brands.map((brand) => brand.group));
  console.error(
    `registry ${registry.version}: ${registry.brands.length} brands in ${groups.size} groups, ${registry.categories.length} categories, ${registry.vocabulary.length} terms${out ? ` → ${out}` : ''}`,
  );
  return 0;
}

async function keygen(dir: string, force: boolean): Promise<number> {
  const { keyId, privatePath, publicPath } = await writeKeyPair(dir, { force });
  console.log(keyId);
  console.error(
    `key ${keyId}: private key → ${privatePath} (mode 0600; keep it secret), public key → ${publicPath} (pin it in the extension's build)`,
  );
  return 0;
}

async function sign(
  file: string,
  keyFile: string,
  options: { out: string | undefined; version: number | undefined; validDays: number },
): Promise<number> {
  const text = readText(file, 'the compiled registry (`registry build --out FILE` writes one)');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CommandError(
      `${file}: not valid JSON (${(error as Error).message}); rebuild it with \`counterfeit-guard registry build --out FILE\`.`,
    );
  }
  if (isArtifactLike(data)) {
    throw new CommandError(
      `${file}: this is already a signed copy; sign the compiled registry that \`registry build\` wrote.`,
    );
  }
  const parsed = v.safeParse(RegistrySchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new CommandError(
      `${file}: not a compiled registry (${v.getDotPath(issue) ?? 'top level'}: ${issue.message}); rebuild it with \`counterfeit-guard registry build --out FILE\`.`,
    );
  }
  // Signs the registry as it was read: the schema only checked it.
  const registry = data as Registry;
  const privateJwk = readKeyFile(keyFile, 'private');
  const version = options.version ?? registry.version;
  let signed: Awaited<ReturnType<typeof signRegistry>>;
  try {
    signed = await signRegistry(registry, privateJwk, { version, now: new Date(), validDays: options.validDays });
  } catch (error) {
    throw new CommandError(
      `${keyFile}: the key could not sign (${(error as Error).message}); make a new pair with \`registry keygen\`.`,
    );
  }
  writeOutput(options.out, signed.text);
  const payload = JSON.parse(signed.artifact.payload) as { issuedAt: string; expiresAt: string };
  console.error(
    `signed registry version ${version} with key ${signed.artifact.keyId}, valid ${payload.issuedAt} to ${payload.expiresAt} (${Buffer.byteLength(signed.text)} bytes)${options.out ? ` → ${options.out}` : ''}`,
  );
  return 0;
}

const REFUSAL_HINTS: Record<Refusal, string> = {
  malformed: 'the file is not a signed registry copy (cut short or edited?); fetch or sign it again.',
  unknown_key: 'it was signed with another key; check it with that key’s public file, or sign it again with yours.',
  bad_signature:
    'the bytes changed after signing (or the signature was made by another key with the same id); do not use this copy.',
  bad_schema: 'the signed registry does not match the schema this build reads; rebuild and sign it with this version.',
  not_newer: 'a client holding that version would keep its own copy; sign with a higher --version.',
  expired: 'sign it again (a fresh copy gets a new validity period), or check with an earlier --now.',
  not_yet_valid: 'it was issued more than a day after --now; check the signing machine’s clock.',
  too_long_valid: 'it is signed for longer than clients accept (31 days); sign it again with a shorter --days.',
  patch_failed: 'the patch does not fit the copy held; fetch the full copy.',
};

async function verify(file: string, keyFiles: string[], options: { heldVersion: number; now: Date }): Promise<number> {
  const text = readText(file, 'the signed registry copy');
  const keys = keyFiles.map((keyFile) => readKeyFile(keyFile, 'public'));
  const checked = await checkArtifact(text, keys, options);
  if (!checked.ok) {
    console.error(`${file}: ${checked.refusal}: ${checked.detail}\n  ${REFUSAL_HINTS[checked.refusal]}`);
    return 1;
  }
  const { payload, artifact } = checked;
  console.log(
    `${file}: valid: registry version ${payload.version}, key ${artifact.keyId}, issued ${payload.issuedAt}, expires ${payload.expiresAt}, ${payload.registry.brands.length} brands`,
  );
  return 0;
}

function isArtifactLike(data: unknown): data is SignedArtifact {
  const record = data as Record<string, unknown> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.payload === 'string' &&
    typeof record.signature === 'string' &&
    typeof record.keyId === 'string'
  );
}

function readSigned(path: string): { artifact: SignedArtifact; version: number; bytes: number } {
  const text = readText(path, 'a signed registry copy (as `registry sign --out SIGNED` writes)');
  let artifact: unknown;
  let version: unknown;
  try {
    artifact = JSON.parse(text);
    if (isArtifactLike(artifact)) version = (JSON.parse(artifact.payload) as { version?: unknown }).version;
  } catch {
    // Reported below.
  }
  if (!isArtifactLike(artifact) || typeof version !== 'number' || !Number.isSafeInteger(version)) {
    throw new CommandError(
      `${path}: not a signed registry copy (no payload with a version, or not JSON); give a file \`registry sign\` wrote.`,
    );
  }
  return { artifact, version, bytes: Buffer.byteLength(text) };
}

function diff(oldFile: string, newFile: string, out: string | undefined): number {
  const older = readSigned(oldFile);
  const newer = readSigned(newFile);
  if (newer.version <= older.version) {
    throw new CommandError(
      `${newFile} (version ${newer.version}) is not newer than ${oldFile} (version ${older.version}); give the older copy first, or sign the new one with a higher --version.`,
    );
  }
  const text = JSON.stringify(patchBetween(older.artifact, newer.artifact, older.version, newer.version));
  writeOutput(out, text);
  const bytes = Buffer.byteLength(text);
  console.error(
    `patch ${older.version} → ${newer.version}: ${bytes} bytes, against ${newer.bytes} bytes for the full ${newFile} (${((100 * bytes) / newer.bytes).toFixed(1)}%)${out ? ` → ${out}` : ''}`,
  );
  return 0;
}
