import type { Listing } from '../../src/listing/listing';
import { EVERY_SITE } from '../../src/sites';
import { readPage } from '../../src/sites/read';

/** The listings alone, read with every rule, for tests that place no badges. */
export function readListings(document: Document, href: string): Listing[] {
  return readPage(document, href, EVERY_SITE).listings.map((found) => found.listing);
}
