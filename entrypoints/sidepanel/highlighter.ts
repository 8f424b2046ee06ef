/** How often at most the audit view asks for another outline on the page. */
export const HIGHLIGHT_INTERVAL_MS = 120;

interface Highlighter {
  /** The listing to outline now (null: none); sent after the interval, only the last asked. */
  set(key: string | null): void;
  /** Clears any outline shown, at once (the view closes or follows another tab). */
  stop(): void;
}

/**
 * Throttles outline requests: a quick pass of the pointer over many rows sends one message
 * per interval at most, naming the row it ended on, and nothing when it ends where it began.
 */
export function createHighlightRequests(
  send: (key: string | null) => void,
  interval = HIGHLIGHT_INTERVAL_MS,
): Highlighter {
  let wanted: string | null = null;
  let sent: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (wanted === sent) return;
    sent = wanted;
    send(wanted);
  };
  return {
    set(key) {
      wanted = key;
      timer ??= setTimeout(flush, interval);
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      wanted = null;
      if (sent !== null) {
        sent = null;
        send(null);
      }
    },
  };
}
