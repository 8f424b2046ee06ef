import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** The brand console: built into the service's static folder, served by it at /console/. */
export default defineConfig({
  root: fileURLToPath(new URL('./console', import.meta.url)),
  base: '/console/',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('./static/console', import.meta.url)),
    emptyOutDir: true,
    // Every script in its own file: the console's CSP allows no inline script.
    assetsInlineLimit: 0,
  },
  logLevel: 'warn',
});
