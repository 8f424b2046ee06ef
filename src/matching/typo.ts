import { type Buckets, bucket, buildBuckets, fnv } from './buckets';

/**
 * Typo lookup by symmetric deletes: a word and a name within edit distance k share a string
 * made by deleting at most k characters from each. The names' deletes are kept as hashes.
 */
export interface TypoWord {
  text: string;
  id: number;
  maxDistance: 1 | 2;
}

/** A delete shared by more names than this tells them apart too poorly to be worth checking. */
const MAX_BUCKET = 64;
/** Bits in the filter that turns away most deletes no name has before any search (2 MiB). */
const FILTER_BITS = 2 ** 24;

/** The names' deletes by hash: the form kept between worker starts. */
export type DeleteTable = Buckets;

/**
 * The deletes with a bit filter over their hashes. The filter is made from the keys at load
 * (under a millisecond): kept, it would add 2 MiB to what a waking worker reads from disk first.
 */
export interface FilteredDeletes extends DeleteTable {
  filter: Uint8Array;
}

export function withFilter(table: DeleteTable): FilteredDeletes {
  const filter = new Uint8Array(FILTER_BITS / 8);
  for (const key of table.keys) filter[(key & (FILTER_BITS - 1)) >>> 3]! |= 1 << (key & 7);
  return { keys: table.keys, offsets: table.offsets, ids: table.ids, filter };
}

export function buildDeleteTable(words: readonly TypoWord[]): DeleteTable {
  const hashes: number[] = [];
  const ids: number[] = [];
  for (const word of words) {
    for (const variant of deletes(word.text, word.maxDistance)) {
      hashes.push(fnv(variant));
      ids.push(word.id);
    }
  }
  return buildBuckets(hashes, ids);
}

/**
 * Calls `visit` with every id whose stored deletes share a hash with the query's deletes. The
 * query's deletes are hashed in place, without making the strings.
 */
export function lookupDeletes(
  table: FilteredDeletes,
  query: string,
  maxDistance: number,
  visit: (id: number) => void,
): void {
  const probe = (hash: number) => {
    if ((table.filter[(hash & (FILTER_BITS - 1)) >>> 3]! & (1 << (hash & 7))) === 0) return;
    const ids = bucket(table, hash);
    if (ids.length > MAX_BUCKET) return;
    for (const id of ids) visit(id);
  };
  probe(fnv(query));
  if (maxDistance < 1) return;
  for (let i = 0; i < query.length; i++) {
    probe(fnvSkipping(query, i, -1));
    if (maxDistance < 2) continue;
    for (let j = i + 1; j < query.length; j++) probe(fnvSkipping(query, i, j));
  }
}

/** FNV-1a of the text without the characters at `a` and `b`. */
function fnvSkipping(text: string, a: number, b: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    if (i === a || i === b) continue;
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The word and every string made by deleting up to `distance` of its characters (repeats possible). */
function deletes(word: string, distance: number): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    out.push(shorter);
    if (distance < 2) continue;
    for (let j = i; j < shorter.length; j++) out.push(shorter.slice(0, j) + shorter.slice(j + 1));
  }
  return out;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), or `limit + 1` as
 * soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
