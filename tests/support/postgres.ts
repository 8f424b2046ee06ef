import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests: initdb and pg_ctl in a fresh temporary folder,
 * listening only on 127.0.0.1 on a free port, its socket inside that folder, never a system
 * service. `stop()` ends it at once and removes the folder.
 */
export interface ThrowawayPostgres {
  /** postgresql://postgres@127.0.0.1:PORT/postgres, trust authentication, superuser. */
  url: string;
  /** The same server, another database on it. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/N/bin (newest N). */
export function postgresBinaries(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(root, version, 'bin');
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** initdb refuses root: as root, the cluster belongs to `postgres` (Debian's package makes it), else `nobody`. */
function clusterUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout), gid: Number(gid.stdout) };
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to own the test cluster');
}

/**
 * Starts a cluster, or returns undefined when this machine has no PostgreSQL binaries (the
 * caller skips, saying so). Takes one to three seconds.
 */
export async function startPostgres(): Promise<ThrowawayPostgres | undefined> {
  const bin = postgresBinaries();
  if (!bin) return undefined;
  const user = clusterUser();
  const folder = mkdtempSync(join(tmpdir(), 'cg-postgres-'));
  const data = join(folder, 'data');
  const log = join(folder, 'server.log');
  if (user) chownSync(folder, user.uid, user.gid);

  const run = (tool: string, args: string[]): SpawnSyncReturns<string> => {
    const command = user ? 'runuser' : join(bin, tool);
    const argv = user ? ['-u', user.name, '--', join(bin, tool), ...args] : args;
    // cwd: the cluster's own folder, which its user can enter (the project folder may not be).
    return spawnSync(command, argv, { cwd: folder, encoding: 'utf8', timeout: 90_000 });
  };
  const check = (what: string, result: SpawnSyncReturns<string>) => {
    if (result.status === 0) return;
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-4000) : '';
    throw new Error(
      `${what} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}${serverLog}`,
    );
  };

  let started = false;
  try {
    check(
      'initdb',
      run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']),
    );
    // The last setting of a name wins in postgresql.conf; port is chosen anew on each attempt below.
    appendFileSync(
      join(data, 'postgresql.conf'),
      [
        '',
        '# Throwaway test cluster',
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${folder}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 50',
        '',
      ].join('\n'),
    );
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      appendFileSync(join(data, 'postgresql.conf'), `port = ${port}\n`);
      const result = run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60']);
      if (result.status === 0) break;
      // Another process may have taken the port between the probe and the start: try another.
      if (attempt === 3) check('pg_ctl start', result);
    }
    started = true;
    const urlFor = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    let stopped = false;
    return {
      url: urlFor('postgres'),
      urlFor,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          check('pg_ctl stop', run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '60']));
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    if (started) run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
