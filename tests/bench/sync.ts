import 'fake-indexeddb/auto';
import { registryFromDisk } from '../../src/disk/registry-files';
import { loadIndex, storeIndex } from '../../src/matching/match-index';
import { checkArtifact, generateKeyPair, patchBetween, signRegistry } from '../../src/registry/artifact';
import { readIndexInUse, writeHeld } from '../../src/storage/registry-store';
import { generatedRegistry } from './generated';
import { median, report } from './measure';

const BRANDS = 10_000;
const RUNS = 7;

/** A synced copy of a 10,000-brand registry: verified, indexed, stored; and what a patch saves. */
export async function benchSync(): Promise<void> {
  const keys = await generateKeyPair();
  const registry = generatedRegistry(registryFromDisk(), BRANDS);
  const now = new Date();
  const v1 = await signRegistry(registry, keys.privateJwk, { version: 10, now, validDays: 14 });

  const samples: number[] = [];
  let ready = 0;
  for (let run = 0; run < RUNS + 1; run++) {
    const start = performance.now();
    const checked = await checkArtifact(v1.text, [keys.publicJwk], { heldVersion: 1, now });
    if (!checked.ok) throw new Error(`the bench's own artifact was refused: ${checked.detail}`);
    const index = storeIndex(checked.payload.registry);
    await writeHeld({
      copy: {
        version: 10,
        payload: checked.artifact.payload,
        source: 'bench',
        issuedAt: checked.payload.issuedAt,
      },
      index,
    });
    if (run > 0) samples.push(performance.now() - start);
    // A restarted worker: read the stored copy back and load its compact index.
    const restart = performance.now();
    const held = await readIndexInUse(1, 'none');
    if (!held.index) throw new Error('nothing was stored');
    loadIndex(held.index);
    if (run > 0) ready = Math.max(ready, performance.now() - restart);
  }
  report({
    name: `verify, index and store a ${BRANDS}-brand registry (${Math.round(v1.text.length / 1024)} KB signed)`,
    median_ms: median(samples),
    restarted_worker_ready_max_ms: Math.round(ready),
  });

  // The default registry, as a restarted worker finds it: read back from IndexedDB (here
  // fake-indexeddb, a JavaScript implementation; browsers clone natively) and loaded.
  const base = registryFromDisk();
  const baseSigned = await signRegistry(base, keys.privateJwk, { version: base.version + 1, now, validDays: 14 });
  const baseChecked = await checkArtifact(baseSigned.text, [keys.publicJwk], { heldVersion: 1, now });
  if (!baseChecked.ok) throw new Error(baseChecked.detail);
  await writeHeld({
    copy: {
      version: base.version + 1,
      payload: baseChecked.artifact.payload,
      source: 'bench',
      issuedAt: baseChecked.payload.issuedAt,
    },
    index: storeIndex(baseChecked.payload.registry),
  });
  const restarts: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const held = await readIndexInUse(1, 'none');
    loadIndex(held.index!);
    restarts.push(performance.now() - start);
  }
  report({
    name: `a restarted worker: read the default registry's stored index back and load it (${base.brands.length} brands)`,
    median_ms: median(restarts),
  });

  // A 1 % change: new floors for a hundredth of the brands.
  const changed = structuredClone(registry);
  for (let i = 0; i < changed.brands.length; i += 100) {
    const brand = changed.brands[i]!;
    for (const category of Object.keys(brand.floors)) brand.floors[category] = brand.floors[category]! + 1;
  }
  const v2 = await signRegistry(changed, keys.privateJwk, { version: 11, now, validDays: 14 });
  const patch = JSON.stringify(patchBetween(v1.artifact, v2.artifact, 10, 11));
  report({
    name: 'bytes of a patch for a 1 % change, against the whole signed registry (baseline)',
    patch_bytes: patch.length,
    full_bytes: v2.text.length,
    saved_percent: Math.round((1 - patch.length / v2.text.length) * 1000) / 10,
  });
}
