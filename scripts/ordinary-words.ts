// `npm run registry:ordinary`: writes assets/registry/ordinary-words.json, the everyday words
// (English, French and Spanish dictionaries) that the matcher would read as a misspelt brand name,
// so that "collar" is never Colmar. Run it after adding brands; a unit test says when it is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ordinaryWords } from '../src/cli/ordinary-words';
import { REGISTRY_SOURCES, registryFromDisk } from '../src/disk/registry-files';

const started = Date.now();
const registry = registryFromDisk();
const { words, exact } = ordinaryWords({ ...registry, ordinary: [] });
writeFileSync(join(REGISTRY_SOURCES, 'ordinary-words.json'), `${JSON.stringify(words, null, 2)}\n`);
console.log(
  `${words.length} everyday words near a brand's name written to ordinary-words.json (${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
if (exact.length > 0) {
  console.log(`Brand names that are dictionary words but not marked ambiguous (check each):`);
  for (const line of exact) console.log(`  ${line}`);
}
