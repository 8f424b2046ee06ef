import * as v from 'valibot';
import { ListingKeySchema } from '../listing/key';
import { ListingSchema } from '../listing/listing';
import { REPORT_CATEGORIES } from '../reports/report';
import { rulesFor } from '../sites';
import { PARTS, type Part } from '../sites/parts';
import type { ProtocolMap } from './protocol';

/** The parts of a message sender the checks read (runtime.MessageSender's shape). */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** Who the receiving extension is: its id, the origin of its own pages, and whether the user let it read any shop. */
export interface Self {
  id: string;
  origin: string;
  anyShop?: boolean;
}

type From = 'content' | 'extension';

const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const EntryId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{16,64}$/));
const Target = v.strictObject({ key: ListingKeySchema, tabId: v.optional(TabId) });
const OWN: From[] = ['content', 'extension'];

const RULES: { [K in keyof ProtocolMap]: { from: From | From[]; data: v.GenericSchema } } = {
  assessListings: { from: 'content', data: v.pipe(v.array(ListingSchema), v.minLength(1), v.maxLength(500)) },
  pageChanged: { from: 'content', data: v.null() },
  siteRules: { from: 'content', data: v.null() },
  loadPart: { from: 'content', data: v.picklist(Object.keys(PARTS) as [Part, ...Part[]]) },
  rulesFellBack: { from: 'content', data: v.null() },
  getTabAssessments: { from: 'extension', data: v.pipe(v.number(), v.integer(), v.minValue(0)) },
  registryBrands: { from: 'extension', data: v.null() },
  registryStatus: { from: 'extension', data: v.null() },
  syncRegistry: { from: 'extension', data: v.null() },
  // Reporting: from the badge and banner (content) or the popup (extension). A page script can
  // send none of these: it cannot reach runtime messaging, and the buttons that do sit in a
  // closed shadow root and act only on trusted clicks.
  reportListing: { from: OWN, data: Target },
  markGenuine: { from: OWN, data: Target },
  undoReport: { from: OWN, data: EntryId },
  holdReport: { from: OWN, data: EntryId },
  amendReport: {
    from: OWN,
    data: v.strictObject({
      id: EntryId,
      category: v.optional(v.picklist(REPORT_CATEGORIES)),
      note: v.optional(v.pipe(v.string(), v.maxLength(2000))),
    }),
  },
  releaseReport: { from: OWN, data: EntryId },
  withdrawReport: { from: 'extension', data: EntryId },
  reportHistory: { from: 'extension', data: v.null() },
  auditState: { from: 'extension', data: v.null() },
  startAudit: { from: 'extension', data: v.null() },
  endAudit: { from: 'extension', data: v.null() },
  auditRows: { from: 'extension', data: v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{16,64}$/))) },
  selectAudit: {
    from: 'extension',
    data: v.strictObject({ keys: v.pipe(v.array(ListingKeySchema), v.maxLength(5000)), selected: v.boolean() }),
  },
  reportAudited: {
    from: 'extension',
    data: v.strictObject({ keys: v.pipe(v.array(ListingKeySchema), v.maxLength(5000)) }),
  },
  auditHistory: { from: 'extension', data: v.null() },
  highlightListing: { from: 'extension', data: v.strictObject({ tabId: TabId, key: v.nullable(ListingKeySchema) }) },
  volunteerAccuracy: { from: 'extension', data: v.null() },
  // Sent by the background to a content script, never accepted by the background.
  highlight: { from: [], data: v.never() },
};

export type Checked<K extends keyof ProtocolMap> =
  | { ok: true; data: Parameters<ProtocolMap[K]>[0]; tabId: number | undefined; from: From }
  | { ok: false; why: string };

/**
 * Accepts a message only from the contexts meant to send it, and only in its declared shape.
 * Content-script messages must come from a top frame of a page the site rules serve; page
 * scripts cannot reach runtime messaging at all, and other extensions fail the id check.
 */
export function check<K extends keyof ProtocolMap>(type: K, data: unknown, sender: Sender, self: Self): Checked<K> {
  const rule = RULES[type];
  if (!rule) return { ok: false, why: `unknown message type ${String(type)}` };
  if (sender.id !== self.id) return { ok: false, why: `sender ${sender.id ?? '(none)'} is not this extension` };
  const from = originOf(sender, self);
  if (from === 'an unknown context' || !(Array.isArray(rule.from) ? rule.from : [rule.from]).includes(from))
    return { ok: false, why: `${type} is not accepted from ${from}` };
  const parsed = v.safeParse(rule.data, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((step) => String(step.key)).join('.') ?? '';
    return { ok: false, why: `${type} has the wrong shape at ${path || 'the root'}: ${issue.message}` };
  }
  return { ok: true, data: parsed.output as Parameters<ProtocolMap[K]>[0], tabId: sender.tab?.id, from };
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
