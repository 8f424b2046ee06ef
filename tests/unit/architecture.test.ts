// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The folders the README's architecture tree names under a top folder, from its indented lines. */
function treeFolders(top: string): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Architecture'));
  const tree = section.slice(section.indexOf('```') + 3, section.indexOf('```', section.indexOf('```') + 3));
  const names: string[] = [];
  let inside = false;
  for (const line of tree.split('\n')) {
    const name = line.trim().split(/\s+/)[0] ?? '';
    if (!line.startsWith(' ')) inside = name === `${top}/`;
    else if (inside && /^[a-z.-]+\/$/.test(name)) names.push(name.slice(0, -1));
  }
  return names.sort();
}

const folders = (path: string) =>
  readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe('the README’s architecture tree', () => {
  it('names every folder of src/ and entrypoints/, and no folder that is not there', () => {
    expect(treeFolders('src')).toEqual(folders('src'));
    expect(treeFolders('entrypoints')).toEqual(folders('entrypoints'));
  });
});
