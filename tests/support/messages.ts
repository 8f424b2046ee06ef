import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sender } from '../../src/messaging/guard';

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
