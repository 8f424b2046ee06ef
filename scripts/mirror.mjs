// Reading files of fetched snapshots of public repositories (the search tool's fetch puts them
// under /work/.mirror/<owner>+<name>/…, a bare git directory somewhere inside).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The git directory of a fetched snapshot of `repo`, or undefined when it was not fetched here. */
export function gitDir(mirrors, repo) {
  const root = join(mirrors, repo.replace('/', '+'));
  if (!existsSync(root)) return undefined;
  const queue = [root];
  while (queue.length > 0) {
    const dir = queue.shift();
    if (existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects'))) return dir;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'objects') queue.push(join(dir, entry.name));
    }
  }
  return undefined;
}

/** One file of one commit, as bytes (pages are not always UTF-8). Throws when git cannot give it. */
export function showFile(dir, commit, path) {
  return execFileSync('git', ['--git-dir', dir, 'show', `${commit}:${path}`], {
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export const DEFAULT_MIRRORS = process.env.CG_MIRRORS ?? '/work/.mirror';
