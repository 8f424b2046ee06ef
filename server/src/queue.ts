import type { Marketplace, Money } from '../../src/listing/listing';
import type { ExportFormat } from '../../src/reports/evidence';
import type { Report, ReviewStatus } from '../../src/reports/report';
import type { ReasonCode } from '../../src/risk/assessment';

/**
 * The review queue's terms, shared by the service and its console (so nothing here may need
 * Node): how listings are asked for, and what a reported listing is once its reports are summed.
 */

export const LISTING_SORTS = ['recent', 'oldest', 'reporters', 'reports'] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];

export interface ListingsQuery {
  brands: string[];
  /** Only these listings. */
  keys?: string[];
  /** A listing is open while any report about it is; else confirmed if any is; else rejected. */
  status?: ReviewStatus;
  marketplace?: string;
  /** Listings at least one report about which gave this reason. */
  reason?: ReasonCode;
  /** Reports received at or after, and before, these instants (ms). */
  since?: number;
  until?: number;
  sort: ListingSort;
  limit: number;
  offset: number;
}

export interface ReportedListing {
  key: string;
  marketplace: string;
  brand: string;
  status: ReviewStatus;
  reports: number;
  reporters: number;
  /** When the first and the last report about it came (ISO 8601). */
  firstAt: string;
  lastAt: string;
  byStatus: Record<ReviewStatus, number>;
  /** How many reports saw each level. */
  levels: Partial<Record<Report['level'], number>>;
  /** Each reason the reports gave, with the latest report's parameters and how many gave it. */
  reasons: { code: ReasonCode; params: Record<string, string | number>; count: number }[];
  /** As the latest report saw the listing. */
  title: string;
  url: string;
  seller?: string;
  price?: Money;
  /** The latest report's screenshot, named by its hash. */
  screenshot?: string;
  /** The latest decision on it. */
  review?: { note: string; by: string; at: string };
}

/** What became of a filed listing, as the volunteer recorded it (or their extension saw it). */
export const OUTCOMES = ['removed', 'still_up', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The takedown files a filing can be made as: the marketplaces' IP programmes' formats. */
export const FILING_FORMATS = [
  'vero',
  'amazon-asins',
  'alibaba-ipp',
  'dsa-notice',
] as const satisfies readonly ExportFormat[];
export type FilingFormat = (typeof FILING_FORMATS)[number];

/** The format a marketplace's programme takes; elsewhere in the EU, a Digital Services Act notice. */
export function filingFormatFor(marketplace: string): FilingFormat {
  const formats: Partial<Record<Marketplace, FilingFormat>> = {
    ebay: 'vero',
    amazon: 'amazon-asins',
    alibaba: 'alibaba-ipp',
    aliexpress: 'alibaba-ipp',
  };
  return formats[marketplace as Marketplace] ?? 'dsa-notice';
}

export interface FiledListing {
  key: string;
  outcome?: Outcome;
  /** When it was seen so (ISO 8601), and by whom. */
  outcomeAt?: string;
  outcomeBy?: string;
}

/** A takedown request: the listings of one brand on one marketplace, filed in one format on one day. */
export interface Filing {
  id: string;
  brand: string;
  marketplace: string;
  format: FilingFormat;
  filedAt: string;
  filedBy: string;
  listed: FiledListing[];
}

const DAY_MS = 86_400_000;

/** Days from a filing to each of its listings seen removed. */
export function daysToRemoval(filing: Filing): number[] {
  return filing.listed
    .filter((listed) => listed.outcome === 'removed' && listed.outcomeAt)
    .map((listed) => (Date.parse(listed.outcomeAt!) - Date.parse(filing.filedAt)) / DAY_MS);
}

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function medianOf(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What a seller says to appeal a listing's flag, as the public page sends it. */
export interface AppealText {
  /** The listing's address on its marketplace. */
  url: string;
  /** Who is appealing: their name or business, and what they are to the listing. */
  name: string;
  role: 'seller' | 'brand' | 'agent' | 'other';
  /** Their case, and where the evidence is (an invoice, an authorisation letter). */
  evidence: string;
  evidenceUrl?: string;
  /** How to reach them. */
  contact: string;
}

export const APPEAL_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export interface Appeal extends AppealText {
  id: string;
  key: string;
  status: AppealStatus;
  receivedAt: string;
  decision?: { note: string; by: string; at: string };
}
