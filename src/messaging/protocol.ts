import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Listing } from '../listing/listing';
import type { Assessment } from '../risk/assessment';

export interface TabEntry {
  listing: Listing;
  assessment: Assessment;
}

/** Every message in the extension, one place: name(argument): answer. */
export interface ProtocolMap {
  /** Content script → background: listings a page shows (a batch); answers one assessment each, in order. */
  assessListings(listings: Listing[]): Assessment[];
  /** Content script → background: the page moved to another address without loading (single-page navigation). */
  pageChanged(_: null): void;
  /** Extension pages → background: what the given tab's page was found to hold. */
  getTabAssessments(tabId: number): TabEntry[];
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
