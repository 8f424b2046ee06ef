/**
 * A multimap from 32-bit hashes to ids in three typed arrays (sorted keys, offsets into ids),
 * so an index is stored, cloned and loaded as it is, with no map to rebuild. A hash can be
 * shared by different strings: callers check what the ids stand for.
 */
export interface Buckets {
  keys: Uint32Array;
  offsets: Uint32Array;
  ids: Int32Array;
}

const EMPTY = new Int32Array(0);

/** Ids must fit in 21 bits, so that hash and id pack into one exact double for a native sort. */
const ID_BITS = 2 ** 21;

/** From (hash, id) pairs, in any order; an id appears once per hash. */
export function buildBuckets(hashes: readonly number[], ids: readonly number[]): Buckets {
  const packed = new Float64Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) {
    if (ids[i]! >= ID_BITS) throw new RangeError(`id ${ids[i]} is too large for the index`);
    packed[i] = hashes[i]! * ID_BITS + ids[i]!;
  }
  packed.sort();
  const keys: number[] = [];
  const offsets: number[] = [];
  const out: number[] = [];
  let previous = -1;
  for (const value of packed) {
    if (value === previous) continue;
    previous = value;
    const hash = Math.floor(value / ID_BITS);
    if (keys.at(-1) !== hash) {
      keys.push(hash);
      offsets.push(out.length);
    }
    out.push(value - hash * ID_BITS);
  }
  offsets.push(out.length);
  return { keys: Uint32Array.from(keys), offsets: Uint32Array.from(offsets), ids: Int32Array.from(out) };
}

/** The ids under a hash (a view, not a copy); empty when there are none. */
export function bucket(buckets: Buckets, hash: number): Int32Array {
  const { keys } = buckets;
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const key = keys[mid]!;
    if (key < hash) low = mid + 1;
    else if (key > hash) high = mid - 1;
    else return buckets.ids.subarray(buckets.offsets[mid]!, buckets.offsets[mid + 1]!);
  }
  return EMPTY;
}

/** FNV-1a, 32 bits. */
export function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
