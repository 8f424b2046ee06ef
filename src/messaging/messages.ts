import * as v from 'valibot';
import type { AuditCounts, AuditRow, AuditSummary } from '../audit/model';
import { PARTS, type Part } from '../content/parts';
import { ListingKeySchema } from '../listing/key';
import { ListingSchema } from '../listing/listing';
import type { BrandSummary } from '../matching/search';
import type { OutboxView } from '../reports/outbox-model';
import { REPORT_CATEGORIES } from '../reports/report';
import type { Assessment } from '../risk/assessment';
import type { SiteRules } from '../sites/rules';
import type { AccuracyAnswer, RegistryStatus, ReportAnswer, TabEntry } from './protocol';

/** Who may send a message: a content script in a top frame of a served page, or the extension's own pages. */
export type From = 'content' | 'extension';

/** The answer a message gets: a type only, checked where the answer is made, never sent as a value. */
const answer = <T>() => undefined as T;

const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const EntryId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{16,64}$/));
const OWN: readonly From[] = ['content', 'extension'];

/** A listing to report: on the sender's own page (content script), or in the named tab (extension pages). */
const ReportTargetSchema = v.strictObject({ key: ListingKeySchema, tabId: v.optional(TabId) });
export type ReportTarget = v.InferOutput<typeof ReportTargetSchema>;

/**
 * Every message in the extension, once: who may send it, the shape its data must have, and what
 * it answers. The background accepts a message only from those senders and in that shape.
 * Reporting is accepted from the badge and banner (content) or the popup (extension); a page
 * script can send none of these: it cannot reach runtime messaging, and the buttons that do sit
 * in a closed shadow root and act only on trusted clicks.
 */
export const MESSAGES = {
  /** Listings a page shows (a batch); answers one assessment each, in order. */
  assessListings: {
    from: ['content'],
    data: v.pipe(v.array(ListingSchema), v.minLength(1), v.maxLength(500)),
    answer: answer<Assessment[]>(),
  },
  /**
   * The rules to read the sender's page with (null: nothing to read there). Rules live in the
   * worker, so the content script stays small and rules can be corrected with the registry.
   */
  siteRules: { from: ['content'], data: v.null(), answer: answer<{ rules: SiteRules; generic: boolean } | null>() },
  /** The page moved to another address without loading (single-page navigation). */
  pageChanged: { from: ['content'], data: v.null(), answer: answer<void>() },
  /**
   * Put a part of the content script into the sender's frame (the reader's lower layers where
   * the rules read nothing; the badges' interface where there is something to show). Answers
   * whether it was put there.
   */
  loadPart: {
    from: ['content'],
    data: v.picklist(Object.keys(PARTS) as [Part, ...Part[]]),
    answer: answer<boolean>(),
  },
  /** The lower layers read the sender's page where its rules read nothing. */
  rulesFellBack: { from: ['content'], data: v.null(), answer: answer<void>() },
  /** The sender's page says the listing its address names has ended or was taken down. */
  listingEnded: { from: ['content'], data: v.null(), answer: answer<void>() },
  /** What the given tab's page was found to hold. */
  getTabAssessments: { from: ['extension'], data: TabId, answer: answer<TabEntry[]>() },
  /** The brands of the registry in use, for searching. */
  registryBrands: { from: ['extension'], data: v.null(), answer: answer<BrandSummary[]>() },
  /** The registry in use and the last sync's outcome. */
  registryStatus: { from: ['extension'], data: v.null(), answer: answer<RegistryStatus>() },
  /** Sync now; answers the status after it. */
  syncRegistry: { from: ['extension'], data: v.null(), answer: answer<RegistryStatus>() },
  /**
   * After a trusted click: reports the listing as the page showed it and as the background
   * assessed it. Stored in the outbox before the answer; sent once the undo window has passed.
   */
  reportListing: { from: OWN, data: ReportTargetSchema, answer: answer<ReportAnswer>() },
  /** As reportListing, for "This is genuine": hides its warnings and sends feedback. */
  markGenuine: { from: OWN, data: ReportTargetSchema, answer: answer<ReportAnswer>() },
  /** Takes back a report or feedback not yet sent (the undo window); answers whether it was. */
  undoReport: { from: OWN, data: EntryId, answer: answer<{ undone: boolean }>() },
  /** The details step opened: keep the report back while the reporter writes. */
  holdReport: { from: OWN, data: EntryId, answer: answer<OutboxView | null>() },
  /** The details step's category and note; the report then goes. */
  amendReport: {
    from: OWN,
    data: v.strictObject({
      id: EntryId,
      category: v.optional(v.picklist(REPORT_CATEGORIES)),
      note: v.optional(v.pipe(v.string(), v.maxLength(2000))),
    }),
    answer: answer<OutboxView | null>(),
  },
  /** The details step closed without changes: the report goes as it is. */
  releaseReport: { from: OWN, data: EntryId, answer: answer<OutboxView | null>() },
  /** Withdraw a report (telling the service if it may have arrived). */
  withdrawReport: { from: ['extension'], data: EntryId, answer: answer<OutboxView | null>() },
  /** The reporter id (made now if there is none yet): the options page shows it, exported evidence carries it. */
  reporterId: { from: ['extension'], data: v.null(), answer: answer<string>() },
  /** A new reporter id: later reports cannot be linked to earlier ones by it. */
  rotateReporterId: { from: ['extension'], data: v.null(), answer: answer<string>() },
  /** Forgets which marketplaces' rules looked out of date. */
  clearRuleHealth: { from: ['extension'], data: v.null(), answer: answer<void>() },
  /** Every report and feedback in the outbox, newest first. */
  reportHistory: { from: ['extension'], data: v.null(), answer: answer<OutboxView[]>() },

  // Audit mode (brand volunteers), from extension pages.
  /** The open audit session, if any, with its progress counts. */
  auditState: { from: ['extension'], data: v.null(), answer: answer<AuditSummary | null>() },
  /** Opens a session for the brands chosen in the options (closing any open one). */
  startAudit: { from: ['extension'], data: v.null(), answer: answer<AuditSummary>() },
  /** Closes the open session; answers it as closed, or null when none was open. */
  endAudit: { from: ['extension'], data: v.null(), answer: answer<AuditSummary | null>() },
  /** A session's rows in order of first sight (the open session when null). */
  auditRows: { from: ['extension'], data: v.nullable(EntryId), answer: answer<AuditRow[]>() },
  /** Selects or clears rows of the open session; answers the progress counts after. */
  selectAudit: {
    from: ['extension'],
    data: v.strictObject({ keys: v.pipe(v.array(ListingKeySchema), v.maxLength(5000)), selected: v.boolean() }),
    answer: answer<AuditCounts>(),
  },
  /**
   * Reports the open session's given rows through the outbox, each report complete on its own;
   * answers how many were made, how many had been reported already, and how many could not be.
   */
  reportAudited: {
    from: ['extension'],
    data: v.strictObject({ keys: v.pipe(v.array(ListingKeySchema), v.maxLength(5000)) }),
    answer: answer<{ reported: number; already: number; failed: number }>(),
  },
  /** Past and open sessions, newest first, with their counts per marketplace. */
  auditHistory: { from: ['extension'], data: v.null(), answer: answer<AuditSummary[]>() },
  /** Outlines (or, with null, stops outlining) a listing on the given tab's page. */
  highlightListing: {
    from: ['extension'],
    data: v.strictObject({ tabId: TabId, key: v.nullable(ListingKeySchema) }),
    answer: answer<boolean>(),
  },
  /**
   * With a volunteer token: the volunteer's reports as the service judged them. Null asks with
   * the saved token; the sign-in names the token it will save only if the service takes it.
   */
  volunteerAccuracy: {
    from: ['extension'],
    data: v.nullable(v.strictObject({ token: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) })),
    answer: answer<AccuracyAnswer>(),
  },

  /** Background → extension pages: what a tab's page was found to hold changed (a batch read, the page left). */
  tabChanged: { from: [], data: TabId, answer: answer<void>() },
  /** Background → extension pages: the open audit session changed (started, ended, rows seen, selected, reported). */
  auditChanged: { from: [], data: v.null(), answer: answer<void>() },

  /**
   * Background → content script: outline this listing's card (null: none); answers whether it
   * is on the page. The background sends it and accepts it from no one.
   */
  highlight: { from: [], data: v.nullable(ListingKeySchema), answer: answer<boolean>() },
} satisfies Record<string, { from: readonly From[]; data: v.GenericSchema; answer: unknown }>;

export type MessageName = keyof typeof MESSAGES;
/** What the background announces to the extension's open pages; it accepts none of them. */
export type EventName = 'tabChanged' | 'auditChanged';
/** What a message carries, as its sender writes it and as the receiver has it after the check. */
export type MessageData<K extends MessageName> = v.InferOutput<(typeof MESSAGES)[K]['data']>;
export type MessageAnswer<K extends MessageName> = (typeof MESSAGES)[K]['answer'];
