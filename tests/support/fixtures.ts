import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Vitest runs from the project root; happy-dom replaces URL, so no import.meta.url arithmetic here.
export const FIXTURES = join(process.cwd(), 'tests', 'fixtures');

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
