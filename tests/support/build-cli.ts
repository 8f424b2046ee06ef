import { execFileSync } from 'node:child_process';

/** The unit tests that run the command line run the built one: build it from the sources under test. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
