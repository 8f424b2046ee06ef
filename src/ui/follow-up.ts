import { useMemo, useRef } from 'preact/hooks';
import { singleFlight } from '../single-flight';

/**
 * A read that runs one at a time: asked for while one runs, it runs once more after that one,
 * so what an action changed is never missed and reads never overlap.
 */
export function useFollowUpRead(read: () => Promise<void>): () => Promise<void> {
  const latest = useRef(read);
  latest.current = read;
  return useMemo(
    () =>
      singleFlight(async (askedAgain) => {
        do await latest.current();
        while (askedAgain());
      }),
    [],
  );
}
