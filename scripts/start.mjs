// `npm start`: a full local try in one command. The companion service runs on this machine
// (127.0.0.1:8787, its data and signing key in data/), so the development build pins that key,
// syncs its registry from it and sends reports to it; then Chromium opens with the extension.
// A service already answering there is used as it is; one started here keeps running after
// Chromium opens (the command says how to stop it) and is stopped if Chromium cannot open.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';

const SERVICE = 'http://127.0.0.1:8787';
const LOG = 'data/server.log';

const answers = async () => {
  try {
    return (await fetch(`${SERVICE}/healthz`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
};
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;

let started;
if (await answers()) console.log(`Using the companion service already running at ${SERVICE}.`);
else {
  // Its first publish makes the signing key the build pins, and the first signed registry.
  if (run('npm', ['run', '--silent', 'server', '--', 'publish']) !== 0) process.exit(1);
  mkdirSync('data', { recursive: true });
  const log = openSync(LOG, 'a');
  started = spawn('npm', ['run', '--silent', 'server'], { stdio: ['ignore', log, log], detached: true });
  started.unref();
  let up = false;
  for (let tries = 0; tries < 60 && !up; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    up = await answers();
  }
  if (!up) {
    console.error(`The companion service did not start at ${SERVICE}: see ${LOG}.`);
    stop();
    process.exit(1);
  }
  console.log(`Started the companion service at ${SERVICE} (log: ${LOG}).`);
}

function stop() {
  if (started?.pid) {
    try {
      process.kill(-started.pid);
    } catch {
      // Already gone.
    }
  }
}

if (run('npm', ['run', '--silent', 'build:dev']) !== 0) {
  stop();
  process.exit(1);
}
const opened = run(process.execPath, ['scripts/open-chromium.mjs', ...process.argv.slice(2)]);
if (opened !== 0) {
  if (started) console.error('Stopping the companion service this command started.');
  stop();
  process.exit(opened);
}
if (started?.pid)
  console.log(`The companion service keeps running for the extension (stop it with: kill -- -${started.pid}).`);
