import { browser } from 'wxt/browser';
import { readRegistrySources } from '../../src/disk/registry-files';
import { BUNDLED_SOURCES_FILE } from '../../src/registry/bundled-file';

/**
 * The files a build packs beside the code, made as the build makes them (wxt.config.ts), for
 * code under test that fetches them from the extension's own address as it does in a browser.
 */
const PACKAGED: Record<string, () => string> = {
  [BUNDLED_SOURCES_FILE]: () => JSON.stringify(readRegistrySources()),
};

const outsideFetch = globalThis.fetch;
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  const root = browser.runtime.getURL('/');
  if (!url.startsWith(root)) return outsideFetch(input, init);
  const file = PACKAGED[url.slice(root.length)];
  return Promise.resolve(
    file
      ? new Response(file(), { headers: { 'content-type': 'application/json' } })
      : new Response('', { status: 404, statusText: 'Not Found' }),
  );
};
