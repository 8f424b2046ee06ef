import { defineExtensionMessaging } from '@webext-core/messaging';
import type { RegistryStatus } from '../background/registry-holder';
import type { Listing } from '../listing/listing';
import type { BrandSummary } from '../matching/search';
import type { Assessment } from '../risk/assessment';
import type { SiteRules } from '../sites/rules';

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
  /** Extension pages → background: what the given tab's page was found to hold. */
  getTabAssessments(tabId: number): TabEntry[];
  /** Extension pages → background: the brands of the registry in use, for searching. */
  registryBrands(_: null): BrandSummary[];
  /** Extension pages → background: the registry in use and the last sync's outcome. */
  registryStatus(_: null): RegistryStatus;
  /** Extension pages → background: sync now; answers the status after it. */
  syncRegistry(_: null): RegistryStatus;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
