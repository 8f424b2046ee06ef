import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { bundledConstants } from './src/disk/registry-files';

const BUNDLED = bundledConstants();

// Saved pages link stylesheets and scripts on marketplace CDNs: never fetch or run them.
const happyDOM = {
  settings: {
    disableCSSFileLoading: true,
    disableJavaScriptFileLoading: true,
    disableJavaScriptEvaluation: true,
    handleDisabledFileLoadingAsSuccess: true,
  },
};

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  // The bundled registry as a build names it (wxt.config.ts); its sources are served by tests/support/packaged-files.ts.
  define: {
    __BUNDLED_VERSION__: JSON.stringify(BUNDLED.version),
    __BUNDLED_FINGERPRINT__: JSON.stringify(BUNDLED.digest),
  },
  test: {
    environmentOptions: { happyDOM },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          globalSetup: ['tests/support/build-cli.ts'],
          setupFiles: ['tests/support/packaged-files.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'realpages',
          include: ['tests/realpages/**/*.test.ts'],
          environment: 'happy-dom',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          // The storage suite starts its own PostgreSQL cluster: one file at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
