import { browser } from 'wxt/browser';
import { check, type Received, type Sender } from '../messaging/guard';
import type { MessageAnswer, MessageName } from '../messaging/messages';
import { onMessage } from '../messaging/protocol';
import { rulesFor } from '../sites';
import { anyShopGranted } from './generic-reader';

/** A message that passed its check, with its sender and whether the sender's shop may be read. */
type Incoming<K extends MessageName> = Received<K> & { sender: Sender; anyShop: boolean };

/** Answers one kind of message, once it has passed the table's check. */
export type Handle = <K extends MessageName>(
  type: K,
  handler: (message: Incoming<K>) => MessageAnswer<K> | Promise<MessageAnswer<K>>,
) => void;

/**
 * The background's one way to answer messages: each is checked against the table (sender and
 * shape) before its handler runs; a refusal is logged and answered as an error, never thrown
 * past here.
 */
export function createHandle(): Handle {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  /**
   * Whether the sender's page may be read by the reader for any shop. Marketplace pages and
   * the extension's own pages never need the permissions API asked.
   */
  async function anyShopFor(sender: Sender): Promise<boolean> {
    if (!sender.url || sender.url.startsWith(self.origin) || rulesFor(sender.url, false)) return false;
    return anyShopGranted().catch(() => false);
  }

  return (type, handler) => {
    onMessage(type, (async ({ data, sender }: { data: unknown; sender: Sender }) => {
      const anyShop = await anyShopFor(sender);
      const checked = check(type, data, sender, { ...self, anyShop });
      if (!checked.ok) {
        console.warn(`[counterfeit-guard] refused ${type}: ${checked.why}`);
        throw new Error(`refused: ${checked.why}`);
      }
      const { data: accepted, tabId, from } = checked;
      return handler({ data: accepted, tabId, from, sender, anyShop });
    }) as never);
  };
}
