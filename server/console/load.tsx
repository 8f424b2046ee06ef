import { useEffect, useState } from 'preact/hooks';
import { ServiceError } from './api';
import { say } from './words';

/** What a view has of something it asked the service for: nothing yet, the answer, or the words for why not. */
export type Loaded<T> = { state: 'loading' } | { state: 'failed'; words: string } | { state: 'ready'; value: T };

/** A failure in the volunteer's words: the service's own when it refused, else that it was out of reach. */
export const wordsFor = (error: unknown) =>
  error instanceof ServiceError && error.kind === 'refused'
    ? say('error_refused', [error.message])
    : say('error_network');

/**
 * Asks the service again whenever `deps` change or `reload()` is called; an answer that comes
 * after a newer ask, or after the view is gone, is dropped. A token the service no longer takes
 * signs the volunteer out.
 */
export function useServiceCall<T>(
  ask: () => Promise<T>,
  deps: readonly unknown[],
  onSignedOut: (() => void) | undefined,
): { loaded: Loaded<T>; reload: () => void; set: (update: (value: T) => T) => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    ask().then(
      (value) => live && setLoaded({ state: 'ready', value }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ServiceError && error.kind === 'signedOut' && onSignedOut) return onSignedOut();
        setLoaded({ state: 'failed', words: wordsFor(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  return {
    loaded,
    reload: () => setRound((n) => n + 1),
    set: (update) => setLoaded((now) => (now.state === 'ready' ? { state: 'ready', value: update(now.value) } : now)),
  };
}

/** The loading line, or the failure with a way to try again; nothing once the answer is there. */
export function LoadState({ loaded, onRetry }: { loaded: Loaded<unknown>; onRetry: () => void }) {
  if (loaded.state === 'loading') return <p role="status">{say('queue_loading')}</p>;
  if (loaded.state === 'failed')
    return (
      <div role="alert" class="problem">
        <p>{loaded.words}</p>
        <button type="button" onClick={onRetry}>
          {say('queue_retry')}
        </button>
      </div>
    );
  return null;
}
