/**
 * Work that must not interleave (a read then a write of the same stored state) runs one task
 * after another: each starts once the one before has settled, whether it failed or not.
 */
export function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
}

/** A serial queue per key (a tab's state): keys do not wait for each other, and an idle key is forgotten. */
export function keyedSerialQueue<K>(): <T>(key: K, work: () => Promise<T>) => Promise<T> {
  const queues = new Map<K, Promise<unknown>>();
  return (key, work) => {
    const next = (queues.get(key) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return next;
  };
}
