import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerBackground } from '../../src/background/handlers';
import type { Sender } from '../../src/messaging/guard';
import { removeAllListeners } from '../../src/messaging/protocol';
import { installPermissions } from './permissions';

/**
 * Delivers a message as the browser would, to the listeners the background registered, with
 * the sender a real browser would attach (fakeBrowser's own sendMessage sends an empty one).
 */
export async function deliver(
  type: string,
  data: unknown,
  sender: Sender,
): Promise<{ res?: unknown; err?: { message: string } }> {
  let answer: unknown;
  const answered = new Promise((resolve) => {
    const sendResponse = (value: unknown) => {
      answer = value;
      resolve(value);
    };
    void fakeBrowser.runtime.onMessage.trigger(
      { id: 1, type, data, timestamp: Date.now() },
      sender as never,
      sendResponse,
    );
  });
  await answered;
  return answer as { res?: unknown; err?: { message: string } };
}

/** A message's answer, or its refusal thrown as an error. */
export async function answer(type: string, data: unknown, sender: Sender): Promise<unknown> {
  const { res, err } = await deliver(type, data, sender);
  if (err) throw new Error(err.message);
  return res;
}

/**
 * A fresh worker with its database: no listeners, empty storage, an empty IndexedDB, and timers
 * held so that nothing is sent. Undo with `vi.useRealTimers()`.
 */
export function freshBackground(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  globalThis.indexedDB = new IDBFactory();
  removeAllListeners();
  fakeBrowser.reset();
  fakeBrowser.runtime.getManifest = (() => ({ manifest_version: 3, name: 'test', version: '0.1.0' })) as never;
  installPermissions();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  registerBackground();
}
