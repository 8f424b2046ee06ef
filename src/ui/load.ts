import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../error-text';
import type { BrandSummary } from '../matching/search';
import { sendMessage } from '../messaging/protocol';

/**
 * What a view has of something it asked for: nothing yet, the answer, or why there is none.
 * `stale` says why the last refresh of an answer shown failed; the answer is the one before.
 */
export type Load<T> =
  | { kind: 'loading' }
  | { kind: 'ready'; value: T; stale?: string }
  | { kind: 'error'; detail: string };

/** Asks once, when the view first shows; an answer that comes after the view is gone is dropped. */
export function useAsked<T>(ask: () => Promise<T>): Load<T> {
  const [load, setLoad] = useState<Load<T>>({ kind: 'loading' });
  useEffect(() => {
    let alive = true;
    ask().then(
      (value) => alive && setLoad({ kind: 'ready', value }),
      (error: unknown) => alive && setLoad({ kind: 'error', detail: errorText(error) }),
    );
    return () => {
      alive = false;
    };
  }, []);
  return load;
}

/** The brands of the registry in use, for the views that search or name them. */
export const useRegistryBrands = (): Load<BrandSummary[]> => useAsked(() => sendMessage('registryBrands', null));
