import type { EventName, MessageData } from '../messaging/messages';
import { sendMessage } from '../messaging/protocol';

/**
 * Tells the extension's open pages that something they show changed, so they ask again. With
 * no page open the browser finds no receiver: that is no error.
 */
export function announce<K extends EventName>(name: K, data: MessageData<K>): void {
  void (sendMessage as (name: K, data: MessageData<K>) => Promise<unknown>)(name, data).catch(() => undefined);
}
