// `npm start`: opens Chromium (or Chrome) with the freshly built extension loaded, in a
// profile of its own so your everyday profile is untouched, on an Amazon product page.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const extension = resolve('.output/chrome-mv3');
if (!existsSync(join(extension, 'manifest.json'))) {
  console.error('The build is missing: run `npm run build:dev` first.');
  process.exit(1);
}

const candidates = [process.env.CHROMIUM_PATH, 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const browser = candidates.find((name) => name && spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0);
if (!browser) {
  console.error(
    'No Chromium or Chrome found. Install one (Debian: `sudo apt-get install chromium`) or set CHROMIUM_PATH,\n' +
      `or load ${extension} by hand: chrome://extensions → Developer mode → Load unpacked.`,
  );
  process.exit(1);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display to open a browser on. The extension is built in .output/; `npm test` runs it headless.');
  process.exit(1);
}

const profile = mkdtempSync(join(tmpdir(), 'counterfeit-guard-'));
const url = process.argv[2] ?? 'https://www.amazon.com/dp/B0DR8G428S';
const args = [
  `--user-data-dir=${profile}`,
  '--no-first-run',
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
];
// Chromium refuses to start as root with its sandbox on (containers, fresh servers).
if (process.getuid?.() === 0) {
  console.warn('Running as root: starting Chromium without its sandbox. Use a normal account for everyday browsing.');
  args.push('--no-sandbox');
}
const child = spawn(browser, [...args, url], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
let errors = '';
child.stderr.on('data', (chunk) => {
  errors = (errors + chunk).slice(-4000);
});
// A browser that is still running after a few seconds has started; one that quit says why.
const quit = await new Promise((resolve) => {
  const timer = setTimeout(() => resolve(undefined), 4000);
  child.once('exit', (code) => {
    clearTimeout(timer);
    resolve(code ?? 1);
  });
});
if (quit !== undefined) {
  console.error(`${browser} quit at start (exit ${quit}):\n${errors.trim()}`);
  process.exit(1);
}
child.stderr.destroy();
child.unref();
console.log(`Opened ${browser} with Counterfeit Guard loaded (profile ${profile}).`);
