// `node scripts/build-without-polyfill.mjs OUT_DIR ENTRYPOINT...`: builds the entry points for Chrome
// as `wxt build` does, but with webextension-polyfill swapped for the browser's own namespace, so
// `npm run size` can weigh what the polyfill adds to them.
import { build } from 'wxt';

const [outDir, ...entrypoints] = process.argv.slice(2);
const STAND_IN = '\0webextension-polyfill-stand-in';

await build({
  browser: 'chrome',
  outDir,
  filterEntrypoints: entrypoints,
  vite: () => ({
    plugins: [
      {
        name: 'webextension-polyfill-stand-in',
        // Before Vite resolves the package, or the real polyfill would be bundled.
        enforce: 'pre',
        resolveId: (id) => (id === 'webextension-polyfill' ? STAND_IN : undefined),
        load: (id) => (id === STAND_IN ? 'export default globalThis.browser ?? globalThis.chrome;' : undefined),
      },
    ],
  }),
});
