import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { registryPins } from './src/disk/build-pins';
import { pseudoMessages } from './src/disk/pseudo-locale';
import { bundledConstants, readRegistrySources, registryFromDisk } from './src/disk/registry-files';
import { BUNDLED_SOURCES_FILE } from './src/registry/bundled-file';
import { marketplaceMatches } from './src/sites/matches';

/**
 * Where the registry syncs from (the companion service, then mirrors), the public keys its
 * signature is checked with and where reports go, fixed at build time: CG_REGISTRY_URL
 * (comma-separated), CG_REGISTRY_KEYS (public JWK files) and CG_REPORT_URL. Without them: a
 * service on this machine, and the keys in
 * assets/registry/keys/ plus (in a development build) the key `npm run server` made in data/keys/.
 * A release build (CG_RELEASE=1) stops unless it pins release keys and syncs over https.
 */
const PINS = registryPins(process.env);
if (PINS.problems.length > 0)
  throw new Error(`Counterfeit Guard ${PINS.release ? 'release ' : ''}build refused:\n- ${PINS.problems.join('\n- ')}`);
if (PINS.notice) console.warn(`\n[counterfeit-guard] ${PINS.notice}\n`);
const REGISTRY_SOURCES = PINS.sources;
const REGISTRY_KEYS = PINS.keyFiles.map((file) => JSON.parse(readFileSync(file, 'utf8')) as JsonWebKey);
const BUNDLED = bundledConstants();

// Firefox gets the same permissions; only its gecko settings differ.
const GECKO_ID = 'counterfeit-guard@counterfeitguard.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 everywhere: one background model (an event page in Firefox, a service worker in Chrome).
  manifestVersion: 3,
  ...(process.env.CG_OUT_DIR ? { outDir: process.env.CG_OUT_DIR } : {}),
  vite: () => ({
    plugins: [preact()],
    // JSON as JSON.parse of a string: it parses several times faster than the same data as object literals.
    json: { stringify: true },
    define: {
      // Which bundled registry a worker's kept index was compiled from: this build's sources.
      // Worked out here, once, not by hashing the sources at every worker start.
      __BUNDLED_FINGERPRINT__: JSON.stringify(`${BUNDLED.digest}:${Date.now().toString(36)}`),
      __BUNDLED_VERSION__: JSON.stringify(BUNDLED.version),
      __REGISTRY_SOURCES__: JSON.stringify(REGISTRY_SOURCES),
      __REPORT_SERVICE__: JSON.stringify(PINS.reportService ?? null),
      __REGISTRY_KEYS__: JSON.stringify(REGISTRY_KEYS),
      // How long a sync waits for a source (CG_SYNC_TIMEOUT_MS; tests shorten it).
      __SYNC_TIMEOUT_MS__: JSON.stringify(Number(process.env.CG_SYNC_TIMEOUT_MS ?? 15_000)),
      // How long one report delivery may take, and the reports a minute a user may make
      // (CG_REPORT_TIMEOUT_MS, CG_REPORT_LIMIT; the chaos test shortens the one and raises the other).
      __REPORT_TIMEOUT_MS__: JSON.stringify(Number(process.env.CG_REPORT_TIMEOUT_MS ?? 15_000)),
      __REPORT_LIMIT_PER_MINUTE__: JSON.stringify(Number(process.env.CG_REPORT_LIMIT ?? 30)),
    },
  }),
  hooks: {
    // A registry source that breaks the schema stops the build, naming the file, brand and field.
    'build:before': () => {
      registryFromDisk();
    },
    'build:publicAssets': (_wxt, files) => {
      // The bundled registry's sources, a file the worker reads only when it has no index of this build.
      files.push({ relativeDest: BUNDLED_SOURCES_FILE, contents: JSON.stringify(readRegistrySources()) });
      // CG_PSEUDO_LOCALE=1: English becomes the pseudo-locale and the other locales stay out, so a
      // browser in any language shows it (the end-to-end tests look for truncation with it).
      if (process.env.CG_PSEUDO_LOCALE !== '1') return;
      const kept = files.filter((file) => !file.relativeDest.startsWith('_locales/'));
      files.splice(0, files.length, ...kept, {
        relativeDest: '_locales/en/messages.json',
        contents: pseudoMessages(readFileSync('public/_locales/en/messages.json', 'utf8')),
      });
    },
    // WXT takes the popup's title from its HTML <title>; the toolbar tooltip is translated instead.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab: a report made from the toolbar button's window may carry a screenshot of the tab.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    // The marketplaces, the registry's sources and the report service (fetched by the background only).
    host_permissions: [
      ...marketplaceMatches(),
      ...new Set(
        [...REGISTRY_SOURCES, ...(PINS.reportService ? [PINS.reportService] : [])].map((url) => {
          // No port in the pattern: Firefox never matches one that names a port (its bug 1362809),
          // so a service on 127.0.0.1:8787 got no access there; Chrome reads no port as any port.
          const { protocol, hostname } = new URL(url);
          return `${protocol}//${hostname}/*`;
        }),
      ),
    ],
    // Asked for only when the user turns on the reader for any other shop (options page).
    optional_host_permissions: ['https://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              // Matching runs on the device and needs nothing. A report, sent only when the person
              // makes one and has allowed it (src/reports/consent.ts), shares the listing's
              // content and address and the reporter id: optional, asked for before the first.
              data_collection_permissions: {
                required: ['none'],
                optional: ['websiteContent', 'browsingActivity', 'technicalAndInteraction'],
              },
            },
          },
        }
      : {}),
  }),
});
