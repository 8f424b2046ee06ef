import { useRef } from 'preact/hooks';

/**
 * A read that runs one at a time: asked for while one runs, it runs once more after that one,
 * so what an action changed is never missed and reads never overlap.
 */
export function useFollowUpRead(read: () => Promise<void>): () => Promise<void> {
  const running = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);
  const latest = useRef(read);
  latest.current = read;
  return () => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    running.current = (async () => {
      do {
        again.current = false;
        await latest.current();
      } while (again.current);
    })().finally(() => {
      running.current = undefined;
    });
    return running.current;
  };
}
