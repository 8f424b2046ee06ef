import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a build of the extension pins: where the registry syncs from, the public keys its
 * signature is checked with, and where reports go. A release build (CG_RELEASE=1: `npm run build`, `npm run zip`) is
 * refused unless it pins release keys and syncs over https; a development build says what it
 * pins and where it syncs from, so that neither can be shipped or tried by mistake.
 */
interface RegistryPins {
  release: boolean;
  sources: string[];
  /**
   * Where reports and feedback go (CG_REPORT_URL): the companion service, a setting of its own,
   * so that a mirror listed first among the sources never receives them.
   */
  reportService: string | undefined;
  keyFiles: string[];
  /** Why the build must stop; empty when it may go on. */
  problems: string[];
  /** What a development build tells whoever builds it. */
  notice?: string;
}

/** Release public keys live here (committed); `npm run server` writes its development key to DEV_KEY. */
export const RELEASE_KEYS_DIR = 'assets/registry/keys';
export const DEV_KEY = 'data/keys/registry-signing.public.jwk.json';
/** The key in use and the next one, for rotation. */
const MAX_KEYS = 2;

export function registryPins(env: Record<string, string | undefined>, root = '.'): RegistryPins {
  const release = env.CG_RELEASE === '1';
  const sources = (env.CG_REGISTRY_URL ?? LOCAL_SERVICE).split(',').map(address).filter(Boolean);
  // A development build reports to the service on this machine; a release names its own.
  const reportService = address(env.CG_REPORT_URL ?? (release ? '' : LOCAL_SERVICE)) || undefined;
  const releaseDir = join(root, RELEASE_KEYS_DIR);
  const releaseKeys = existsSync(releaseDir)
    ? readdirSync(releaseDir)
        .filter((name) => name.endsWith('.public.jwk.json'))
        .sort()
        .map((name) => join(RELEASE_KEYS_DIR, name))
    : [];
  const named = env.CG_REGISTRY_KEYS?.split(',')
    .map((file) => file.trim())
    .filter(Boolean);
  const keyFiles = named ?? [...releaseKeys, ...(!release && existsSync(join(root, DEV_KEY)) ? [DEV_KEY] : [])];
  const problems: string[] = [];
  if (keyFiles.length > MAX_KEYS)
    problems.push(
      `${keyFiles.length} keys to pin (${keyFiles.join(', ')}): a build pins ${MAX_KEYS} at most, the key in use and the next one; name them in CG_REGISTRY_KEYS`,
    );
  const missing = keyFiles.filter((file) => !existsSync(join(root, file)) && !existsSync(file));
  if (missing.length > 0) problems.push(`no such key file: ${missing.join(', ')}`);
  if (release) {
    if (keyFiles.length === 0)
      problems.push(
        `no release key to pin: put the release public key in ${RELEASE_KEYS_DIR}/ or name it in CG_REGISTRY_KEYS`,
      );
    const development = keyFiles.filter((file) => file.replaceAll('\\', '/').includes('data/keys/'));
    if (development.length > 0)
      problems.push(`${development.join(', ')} is a development key (npm run server made it), not a release key`);
    const plain = sources.filter((url) => !url.startsWith('https://'));
    if (sources.length === 0 || plain.length > 0)
      problems.push(
        `a release syncs over https only; set CG_REGISTRY_URL to the service's https address${plain.length ? ` (not ${plain.join(', ')})` : ''}`,
      );
  }
  if (release && !reportService?.startsWith('https://'))
    problems.push(
      `a release sends reports over https only; set CG_REPORT_URL to the companion service's https address${reportService ? ` (not ${reportService})` : ''}`,
    );
  const notice = release
    ? undefined
    : `Development build: pins ${keyFiles.length > 0 ? keyFiles.join(' and ') : 'NO key, so every registry sync will be refused'}; syncs from ${sources.join(', ')}; reports to ${reportService ?? 'nowhere'}. Not for release: npm run build and npm run zip check a release build.`;
  return { release, sources, reportService, keyFiles, problems, ...(notice ? { notice } : {}) };
}

/** The companion service a development build talks to: `npm run server` on this machine. */
const LOCAL_SERVICE = 'http://127.0.0.1:8787';
const address = (url: string) => url.trim().replace(/\/+$/, '');
