import { browser } from 'wxt/browser';
import type { EventName, MessageData } from '../messaging/messages';
import { onMessage } from '../messaging/protocol';

type Listener = (data: never) => void;

/** A page may listen for a message once; several parts of it share that one listener. */
const listening = new Map<EventName, { listeners: Set<Listener>; stop: () => void }>();

/**
 * Calls `listener` whenever the background announces the event (see `announce`); answers a
 * function that stops it. Only the background's announcements count: not another extension's,
 * not a content script's.
 */
export function onBackgroundEvent<K extends EventName>(name: K, listener: (data: MessageData<K>) => void): () => void {
  let entry = listening.get(name);
  if (!entry) {
    const listeners = new Set<Listener>();
    const stop = onMessage(name, ({ data, sender }) => {
      if (sender.id !== browser.runtime.id || sender.tab) return;
      for (const each of listeners) (each as (data: unknown) => void)(data);
    });
    entry = { listeners, stop };
    listening.set(name, entry);
  }
  const { listeners } = entry;
  listeners.add(listener as Listener);
  return () => {
    listeners.delete(listener as Listener);
    if (listeners.size === 0 && listening.get(name)?.listeners === listeners) {
      listening.delete(name);
      entry.stop();
    }
  };
}
