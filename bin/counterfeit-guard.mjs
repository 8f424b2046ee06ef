#!/usr/bin/env node
// The command line runs the TypeScript sources directly, so it reads pages with exactly the
// rules and engine the extension ships.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
