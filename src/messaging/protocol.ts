import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Listing, Marketplace } from '../listing/listing';
import type { Refusal } from '../registry/artifact';
import type { SyncOutcome } from '../registry/sync';
import type { OutboxView } from '../reports/outbox-model';
import type { Assessment } from '../risk/assessment';
import type { MessageAnswer, MessageData, MessageName } from './messages';

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

/** What the options page shows of the registry in use and of the last check. */
export interface RegistryStatus {
  version: number;
  issuedAt?: string;
  /**
   * Until when the copy in use is vouched for. A copy past it is still used (an old registry
   * warns better than none), and the options page says so.
   */
  expiresAt?: string;
  source: 'bundled' | string;
  brands: number;
  /** Whether this build syncs the registry at all (it names a source and pins a key). */
  updates: boolean;
  lastCheck?: {
    at: string;
    kind: SyncOutcome['kind'];
    /** How an update came: a patch from the copy held, or the whole registry. */
    via?: 'full' | 'patch';
    /** The refusal or failure, as a code the UI words. */
    code?: Refusal | 'network' | 'timeout' | 'http' | 'too_large' | 'truncated';
    detail?: string;
    source?: string;
  };
}

/** Every message as a function from its data to its answer, made from the table in `messages.ts`. */
export type ProtocolMap = { [K in MessageName]: (data: MessageData<K>) => MessageAnswer<K> };

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
