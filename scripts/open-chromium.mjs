// `npm start`: opens Chromium (or Chrome) with the freshly built extension loaded, in a
// profile of its own so your everyday profile is untouched, on an Amazon product page.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const extension = resolve('.output/chrome-mv3');
if (!existsSync(join(extension, 'manifest.json'))) {
  console.error('The build is missing: run `npm run build` first.');
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
spawn(
  browser,
  [
    `--user-data-dir=${profile}`,
    '--no-first-run',
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    url,
  ],
  { stdio: 'ignore', detached: true },
).unref();
console.log(`Opened ${browser} with Counterfeit Guard loaded (profile ${profile}).`);
