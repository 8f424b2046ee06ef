import { amazonSearchHtml } from '../../support/amazon-cards';
import { fixture } from '../../support/fixtures';
import {
  BIG_COUNT,
  BIG_SEARCH_URL,
  EMPTY_SEARCH_URL,
  HUGE_COUNT,
  HUGE_SEARCH_URL,
  NIKE_MANY_URL,
  NIKE_SEARCH_URL,
  nikeOnlyHtml,
  nikeSearchHtml,
  SEARCH_URL,
  searchPageHtml,
  UNKNOWN_LAYOUT_URL,
  unknownLayoutHtml,
} from './search-page';

/** Marketplace URLs the e2e tests visit, answered from the committed fixtures. */
export const PAGES = {
  nike: {
    url: 'https://www.amazon.com/Nike-Mens-Running-Shoe/dp/B0TESTNIK1?tag=aff-20&psc=1',
    file: 'amazon/nike-third-party.html',
  },
  louisVuitton: { url: 'https://www.amazon.com/gp/product/B0TESTLVB1', file: 'amazon/louis-vuitton-bag.html' },
  apple: { url: 'https://www.amazon.com/dp/B0TESTAPL1', file: 'amazon/apple-authorised.html' },
  plain: { url: 'https://www.amazon.com/dp/B0TESTPLN1', file: 'amazon/no-brand-no-price.html' },
} as const;

/** The fixture that answers a URL, matched on its path; undefined for anything else (aborted). */
export function fixtureFor(url: string): string | undefined {
  if (url === SEARCH_URL) return searchPageHtml(200);
  if (url === NIKE_SEARCH_URL) return nikeSearchHtml(40, 120);
  if (url === NIKE_MANY_URL) return nikeOnlyHtml(2000);
  if (url === BIG_SEARCH_URL) return searchPageHtml(BIG_COUNT);
  if (url === EMPTY_SEARCH_URL) return amazonSearchHtml(0);
  if (url === HUGE_SEARCH_URL) return amazonSearchHtml(HUGE_COUNT);
  if (url === UNKNOWN_LAYOUT_URL) return unknownLayoutHtml(200);
  const { pathname } = new URL(url);
  for (const page of Object.values(PAGES)) {
    if (new URL(page.url).pathname === pathname) return fixture(page.file);
  }
  return undefined;
}
