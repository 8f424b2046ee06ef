import * as v from 'valibot';
import { rulesFor } from '../sites';
import { type From, MESSAGES, type MessageData, type MessageName } from './messages';

/** The parts of a message sender the checks read (runtime.MessageSender's shape). */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** Who the receiving extension is: its id, the origin of its own pages, and whether the user let it read any shop. */
interface Self {
  id: string;
  origin: string;
  anyShop?: boolean;
}

/** A message that passed its check: its data in the declared shape, and where it came from. */
export type Received<K extends MessageName> = { data: MessageData<K>; tabId: number | undefined; from: From };

/**
 * Accepts a message only from the contexts meant to send it, and only in its declared shape.
 * Content-script messages must come from a top frame of a page the site rules serve; page
 * scripts cannot reach runtime messaging at all, and other extensions fail the id check.
 */
export function check<K extends MessageName>(
  type: K,
  data: unknown,
  sender: Sender,
  self: Self,
): ({ ok: true } & Received<K>) | { ok: false; why: string } {
  const rule = Object.hasOwn(MESSAGES, type) ? MESSAGES[type] : undefined;
  if (!rule) return { ok: false, why: `unknown message type ${String(type)}` };
  if (sender.id !== self.id) return { ok: false, why: `sender ${sender.id ?? '(none)'} is not this extension` };
  const from = originOf(sender, self);
  if (from === 'an unknown context' || !(rule.from as readonly From[]).includes(from))
    return { ok: false, why: `${type} is not accepted from ${from}` };
  const parsed = v.safeParse(rule.data, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((step) => String(step.key)).join('.') ?? '';
    return { ok: false, why: `${type} has the wrong shape at ${path || 'the root'}: ${issue.message}` };
  }
  return { ok: true, data: parsed.output as MessageData<K>, tabId: sender.tab?.id, from };
}

function originOf(sender: Sender, self: Self): From | 'an unknown context' {
  if (!sender.url) return 'an unknown context';
  if (sender.url.startsWith(self.origin)) return 'extension';
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return 'an unknown context';
  }
  const servedPage =
    rulesFor(url.href, self.anyShop === true) !== undefined &&
    sender.frameId === 0 &&
    typeof sender.tab?.id === 'number';
  return servedPage ? 'content' : 'an unknown context';
}
