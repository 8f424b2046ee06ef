import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_KEY, RELEASE_KEYS_DIR, registryPins } from '../../src/disk/build-pins';

/** A checkout with these key files, and nothing else. */
function checkout(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'cg-pins-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '{}');
  }
  return root;
}

describe('what a build pins', () => {
  const release = {
    CG_RELEASE: '1',
    CG_REGISTRY_URL: 'https://registry.example.org',
    CG_REPORT_URL: 'https://registry.example.org',
  };

  it('refuses a release build from a clean checkout: no key, a plain-HTTP source', () => {
    const pins = registryPins({ CG_RELEASE: '1' }, checkout([]));
    expect(pins.problems).toEqual([
      expect.stringMatching(/^no release key to pin/),
      expect.stringMatching(/^a release syncs over https only.*not http:\/\/127\.0\.0\.1:8787/),
      expect.stringMatching(/^a release sends reports over https only; set CG_REPORT_URL/),
    ]);
  });

  it('sends reports where CG_REPORT_URL says, never to a mirror listed first among the sources', () => {
    const root = checkout([`${RELEASE_KEYS_DIR}/2026.public.jwk.json`]);
    const mirrored = { CG_REGISTRY_URL: 'https://mirror.example.net, https://service.example.org' };
    expect(
      registryPins({ ...release, ...mirrored, CG_REPORT_URL: 'https://service.example.org/' }, root),
    ).toMatchObject({ problems: [], reportService: 'https://service.example.org' });
    const unnamed = registryPins({ CG_RELEASE: '1', ...mirrored }, root);
    expect(unnamed.reportService).toBeUndefined();
    expect(unnamed.problems).toEqual([expect.stringMatching(/set CG_REPORT_URL/)]);
    expect(registryPins({ ...release, CG_REPORT_URL: 'http://service.example.org' }, root).problems).toEqual([
      expect.stringMatching(/not http:\/\/service\.example\.org/),
    ]);
    // A development build reports to the service on this machine unless told otherwise.
    expect(registryPins(mirrored, root).reportService).toBe('http://127.0.0.1:8787');
  });

  it('never pins the development key in a release build', () => {
    const root = checkout([DEV_KEY, `${RELEASE_KEYS_DIR}/2026.public.jwk.json`]);
    expect(registryPins(release, root)).toMatchObject({
      problems: [],
      keyFiles: [`${RELEASE_KEYS_DIR}/2026.public.jwk.json`],
    });
    const named = registryPins({ ...release, CG_REGISTRY_KEYS: join(root, DEV_KEY) }, root);
    expect(named.problems).toEqual([expect.stringMatching(/is a development key/)]);
  });

  it('refuses more keys than it can pin instead of dropping some', () => {
    const keys = ['a', 'b', 'c'].map((name) => `${RELEASE_KEYS_DIR}/${name}.public.jwk.json`);
    const pins = registryPins(release, checkout(keys));
    expect(pins.problems).toEqual([expect.stringMatching(/^3 keys to pin/)]);
  });

  it('takes a release with its keys and https sources, and says nothing', () => {
    const root = checkout([`${RELEASE_KEYS_DIR}/2026.public.jwk.json`, `${RELEASE_KEYS_DIR}/2027.public.jwk.json`]);
    const pins = registryPins({ ...release, CG_REGISTRY_URL: 'https://a.example.org, https://b.example.org/' }, root);
    expect(pins).toMatchObject({
      release: true,
      problems: [],
      sources: ['https://a.example.org', 'https://b.example.org'],
    });
    expect(pins.notice).toBeUndefined();
  });

  it('says loudly what a development build pins and where it syncs from', () => {
    expect(registryPins({}, checkout([])).notice).toMatch(
      /^Development build: pins NO key, so every registry sync will be refused; syncs from http:\/\/127\.0\.0\.1:8787/,
    );
    expect(registryPins({}, checkout([DEV_KEY])).notice).toContain(`pins ${DEV_KEY};`);
  });
});
