import { type ChildProcess, spawn } from 'node:child_process';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './build';

/** A free TCP port on 127.0.0.1, as the system hands one out. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const SERVICE = ['--import', 'tsx', 'server/src/main.ts'];

/** The companion service on 127.0.0.1:port, resolved once it prints that it answers. */
export async function startService(options: {
  port: number;
  data: string;
  keys: string;
  /** More flags, e.g. ['--rate-reporter', '100000']. */
  extra?: string[];
}): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      ...SERVICE,
      '--port',
      String(options.port),
      '--host',
      '127.0.0.1',
      '--data',
      options.data,
      '--keys',
      options.keys,
      '--publish-every',
      '0',
      ...(options.extra ?? []),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`the companion service exited (${code}) before it answered:\n${output}`));
    child.once('exit', onExit);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('counterfeit-guard server on http://')) {
        child.off('exit', onExit);
        resolve();
      }
    });
  });
  return child;
}

/** SIGTERM, then waits for the process to exit. */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Runs a command to its end; rejects with its output when it fails. */
export async function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string }> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${stdout}\n${stderr}`);
  return { stdout, stderr };
}

/**
 * The extension built for one browser into `outDir` (as `outDir/chrome-mv3` or
 * `outDir/firefox-mv3`), syncing from and reporting to `service` only and trusting only the
 * registry key the service made in `keys`; `env` adds build settings (CG_REPORT_LIMIT, …).
 */
export function buildPinnedTo(options: {
  browser: 'chrome' | 'firefox';
  service: string;
  keys: string;
  outDir: string;
  env?: Record<string, string>;
}): Promise<unknown> {
  return run('npx', ['wxt', 'build', '-b', options.browser], {
    CG_REGISTRY_URL: options.service,
    CG_REPORT_URL: options.service,
    CG_REGISTRY_KEYS: join(options.keys, 'registry-signing.public.jwk.json'),
    CG_OUT_DIR: options.outDir,
    ...options.env,
  });
}

/** The service's `publish` command on the same data and keys. */
export function publishOnce(options: { data: string; keys: string }) {
  return run(process.execPath, [...SERVICE, 'publish', '--data', options.data, '--keys', options.keys]);
}

/** The service's `token create` command: a volunteer token for these brands, as it prints it once. */
export async function volunteerTokenOnce(options: { data: string; keys: string; brands: string[] }): Promise<string> {
  const brands = options.brands.flatMap((brand) => ['--brand', brand]);
  const { stdout } = await run(process.execPath, [
    ...SERVICE,
    'token',
    'create',
    ...brands,
    '--name',
    'End-to-end volunteer',
    '--data',
    options.data,
    '--keys',
    options.keys,
  ]);
  return stdout.trim();
}

/** What the proxy does to GET /v1/registry (and GET /v1/registry/diff answers 404, so the full copy is taken). */
export type Fault =
  | { kind: 'none' }
  /** Answers 200 with this body. */
  | { kind: 'body'; body: string }
  /** The service's full registry: headers with its whole content-length, half the body, then the socket destroyed. */
  | { kind: 'truncate' }
  | { kind: 'status'; status: number }
  /** Never answers. */
  | { kind: 'hang' };

export interface ProxyLogEntry {
  method: string;
  url: string;
  ifNoneMatch: string | undefined;
  status: number | 'hung' | 'truncated';
  fault: Fault['kind'];
}

export interface FaultProxy {
  url: string;
  log: ProxyLogEntry[];
  setFault(fault: Fault): void;
  close(): Promise<void>;
}

/** A GET to the service without compression: its body as text. */
export async function getText(url: string): Promise<{ status: number; text: string; etag: string | undefined }> {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  return { status: response.status, text: await response.text(), etag: response.headers.get('etag') ?? undefined };
}

/** A proxy on 127.0.0.1 that forwards to the service unless a fault is set. */
export async function startFaultProxy(upstreamPort: number): Promise<FaultProxy> {
  let fault: Fault = { kind: 'none' };
  const log: ProxyLogEntry[] = [];
  const upstream = `http://127.0.0.1:${upstreamPort}`;

  const forward = (req: IncomingMessage, res: ServerResponse, entry: ProxyLogEntry) => {
    const outgoing = httpRequest(
      `${upstream}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: `127.0.0.1:${upstreamPort}` } },
      (answer) => {
        entry.status = answer.statusCode ?? 0;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    outgoing.on('error', () => res.destroy());
    req.pipe(outgoing);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const header = req.headers['if-none-match'];
    const entry: ProxyLogEntry = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      ifNoneMatch: typeof header === 'string' ? header : undefined,
      status: 0,
      fault: fault.kind,
    };
    log.push(entry);
    if (fault.kind === 'none') return forward(req, res, entry);
    if (path === '/v1/registry/diff') {
      entry.status = 404;
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: 'no_patch', message: 'the proxy keeps no patch' }));
    }
    if (path !== '/v1/registry') return forward(req, res, entry);
    switch (fault.kind) {
      case 'body':
        entry.status = 200;
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        return res.end(fault.body);
      case 'status':
        entry.status = fault.status;
        res.writeHead(fault.status, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: 'internal', message: 'injected by the test proxy' }));
      case 'hang':
        entry.status = 'hung';
        return; // the socket stays open until the client gives up or the proxy closes
      case 'truncate': {
        const { text } = await getText(`${upstream}/v1/registry`);
        const body = Buffer.from(text);
        entry.status = 'truncated';
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
        res.flushHeaders();
        // The answer begins (headers, then half the body), and only then does the connection drop.
        setTimeout(() => {
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
            setTimeout(() => res.socket?.destroy(), 300);
          });
        }, 300);
        return;
      }
    }
  };

  const server = await listenOnLoopback(
    createServer((req, res) => {
      handle(req, res).catch(() => res.destroy());
    }),
  );
  return {
    ...server,
    log,
    setFault(next) {
      fault = next;
    },
  };
}

/** Starts a test server on a free port of 127.0.0.1; `close` also cuts the connections it holds open. */
export async function listenOnLoopback(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
