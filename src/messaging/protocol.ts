import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AuditCounts, AuditRow, AuditSummary } from '../audit/model';
import type { RegistryStatus } from '../background/registry-holder';
import type { Listing, Marketplace } from '../listing/listing';
import type { BrandSummary } from '../matching/search';
import type { OutboxView, ReportCategory } from '../reports/outbox-model';
import type { Assessment } from '../risk/assessment';
import type { Part } from '../sites/parts';
import type { SiteRules } from '../sites/rules';

/** A listing to report: on the sender's own page (content script), or in the named tab (extension pages). */
export interface ReportTarget {
  key: string;
  tabId?: number;
}

/** The marketplace's own way to report the listing, offered once our report is made. */
export interface MarketplaceLink {
  url: string;
  marketplace: Marketplace;
  /** The registry is not sure the address is current. */
  estimated: boolean;
}

export type ReportAnswer =
  | { outcome: 'reported' | 'already'; entry: OutboxView; link?: MarketplaceLink }
  /** The client's own limit: so many a minute; try again in this many seconds. */
  | { outcome: 'limited'; limit: number; retryInSeconds: number }
  /** The listing is not among what the tab's page was found to hold. */
  | { outcome: 'not_found' };

/**
 * The volunteer's reports as the service judged them, or why they cannot be had: the service
 * would not take the token (unknown, expired, none saved), or it could not be asked. The
 * background decides which, from what the service answered.
 */
export type AccuracyAnswer =
  | { kind: 'ready'; confirmed: number; reviewed: number }
  | { kind: 'refused' | 'unreachable'; detail: string };

export interface TabEntry {
  listing: Listing;
  assessment: Assessment;
}

/** Every message in the extension, one place: name(argument): answer. */
export interface ProtocolMap {
  /** Content script → background: listings a page shows (a batch); answers one assessment each, in order. */
  assessListings(listings: Listing[]): Assessment[];
  /**
   * Content script → background: the rules to read the sender's page with (null: nothing to
   * read there). Rules live in the worker, so the content script stays small and rules can
   * be corrected with the registry.
   */
  siteRules(_: null): { rules: SiteRules; generic: boolean } | null;
  /** Content script → background: the page moved to another address without loading (single-page navigation). */
  pageChanged(_: null): void;
  /**
   * Content script → background: put a part of the content script into the sender's frame (the
   * reader's lower layers where the rules read nothing; the badges' interface where there is
   * something to show). Answers whether it was put there.
   */
  loadPart(part: Part): boolean;
  /** Content script → background: the lower layers read the sender's page where its rules read nothing. */
  rulesFellBack(_: null): void;
  /** Extension pages → background: what the given tab's page was found to hold. */
  getTabAssessments(tabId: number): TabEntry[];
  /** Extension pages → background: the brands of the registry in use, for searching. */
  registryBrands(_: null): BrandSummary[];
  /** Extension pages → background: the registry in use and the last sync's outcome. */
  registryStatus(_: null): RegistryStatus;
  /** Extension pages → background: sync now; answers the status after it. */
  syncRegistry(_: null): RegistryStatus;
  /**
   * Content script or extension pages → background, after a trusted click: reports the listing
   * as the page showed it and as the background assessed it. Stored in the outbox before the
   * answer; sent once the undo window has passed.
   */
  reportListing(target: ReportTarget): ReportAnswer;
  /** As reportListing, for "This is genuine": hides its warnings and sends feedback. */
  markGenuine(target: ReportTarget): ReportAnswer;
  /** Takes back a report or feedback not yet sent (the undo window); answers whether it was. */
  undoReport(id: string): { undone: boolean };
  /** The details step opened: keep the report back while the reporter writes. */
  holdReport(id: string): OutboxView | null;
  /** The details step's category and note; the report then goes. */
  amendReport(details: { id: string; category?: ReportCategory; note?: string }): OutboxView | null;
  /** The details step closed without changes: the report goes as it is. */
  releaseReport(id: string): OutboxView | null;
  /** Extension pages → background: withdraw a report (telling the service if it may have arrived). */
  withdrawReport(id: string): OutboxView | null;
  /** Extension pages → background: every report and feedback in the outbox, newest first. */
  reportHistory(_: null): OutboxView[];

  // Audit mode (brand volunteers), from extension pages.
  /** The open audit session, if any, with its progress counts. */
  auditState(_: null): AuditSummary | null;
  /** Opens a session for the brands chosen in the options (closing any open one). */
  startAudit(_: null): AuditSummary;
  /** Closes the open session; answers it as closed, or null when none was open. */
  endAudit(_: null): AuditSummary | null;
  /** A session's rows in order of first sight (the open session when null). */
  auditRows(sessionId: string | null): AuditRow[];
  /** Selects or clears rows of the open session; answers the progress counts after. */
  selectAudit(change: { keys: string[]; selected: boolean }): AuditCounts;
  /**
   * Reports the open session's given rows through the outbox, each report complete on its own;
   * answers how many were made, how many had been reported already, and how many could not be.
   */
  reportAudited(target: { keys: string[] }): { reported: number; already: number; failed: number };
  /** Past and open sessions, newest first, with their counts per marketplace. */
  auditHistory(_: null): AuditSummary[];
  /** Outlines (or, with null, stops outlining) a listing on the given tab's page. */
  highlightListing(target: { tabId: number; key: string | null }): boolean;
  /** With a volunteer token: the volunteer's reports as the service judged them. */
  volunteerAccuracy(_: null): AccuracyAnswer;

  /** Background → content script: outline this listing's card (null: none); answers whether it is on the page. */
  highlight(key: string | null): boolean;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
