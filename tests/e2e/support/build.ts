import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = process.cwd();
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** The built extension for a browser; the e2e tier tests the build, so it must exist. */
export function builtExtension(target: 'chrome-mv3' | 'firefox-mv3'): string {
  const dir = join(ROOT, '.output', target);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir} is missing: build first (npm run test:e2e builds both browsers, then runs these tests)`);
  }
  return dir;
}
