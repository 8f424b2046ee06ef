// `npm run bench`: one JSON line per case, each beside a baseline measured in the same run.

import { loadTest } from '../../server/load/run';
import { benchMatcher } from './matcher';
import { benchReader } from './reader';
import { benchSync } from './sync';

benchReader();
benchMatcher();
await benchSync();
await loadTest();
