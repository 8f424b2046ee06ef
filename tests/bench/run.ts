// `npm run bench`: one JSON line per case, each beside a baseline measured in the same run.

import { loadTest } from '../../server/load/run';
import { benchCli } from './cli';
import { benchConsole } from './console';
import { benchMatcher } from './matcher';
import { benchReader } from './reader';
import { benchSync } from './sync';

benchReader();
benchMatcher();
await benchSync();
benchCli();
await benchConsole();
await loadTest();
