// Run once by `npm run build:cli`, bundled beside the command line: writes its prebuilt index.
import { writePrebuiltIndex } from '../disk/registry-files';

writePrebuiltIndex(process.argv[2] ?? '.');
