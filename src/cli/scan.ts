import { readFileSync } from 'node:fs';
import type { Listing } from '../listing/listing';
import type { MatchIndex } from '../matching/match-index';
import { assessAll } from '../risk/batch';
import type { RiskSettings } from '../risk/settings';
import { EVERY_SITE } from '../sites';
import { type ReadListing, readPage } from '../sites/read';
import { printable } from './check';
import { decodeSavedPage, parseSavedPage } from './dom';
import { unhurried } from './page-eval';
import { savedPageUrl } from './page-url';

interface ScanResult {
  file: string;
  url: string | null;
  marketplace: string | null;
  pageKind: string;
  /** True when the site's rules read nothing and the lower layers did. */
  fellBack: boolean;
  listings: ScannedListing[];
}

interface ScannedListing {
  key: string;
  kind: Listing['kind'];
  url: string;
  title: string;
  brand: string | null;
  price: Listing['price'] | null;
  seller: Listing['seller'] | null;
  sponsored: boolean;
  /** The layer each field came from, where it was not the site's rules. */
  from: ReadListing['from'] | null;
  assessment: ReturnType<typeof printable>;
}

/** Reads one saved page with the extension's own rules and engine, and assesses each listing. */
export function scanFile(file: string, url: string | undefined, index: MatchIndex, settings: RiskSettings): ScanResult {
  const html = decodeSavedPage(readFileSync(file));
  const document = parseSavedPage(html);
  const pageUrl = url ?? savedPageUrl(document);
  if (!pageUrl) return { file, url: null, marketplace: null, pageKind: 'unknown', fellBack: false, listings: [] };
  const reading = readPage(document, pageUrl, { ...EVERY_SITE, fallback: unhurried });
  const assessments = assessAll(
    reading.listings.map(({ listing }) => listing),
    index,
    settings,
  );
  return {
    file,
    url: pageUrl,
    marketplace: reading.marketplace ?? null,
    pageKind: reading.kind,
    fellBack: reading.fellBack ?? false,
    listings: reading.listings.map(({ listing, from }, i) => ({
      key: listing.key,
      kind: listing.kind,
      url: listing.url,
      title: listing.title,
      brand: listing.brand ?? null,
      price: listing.price ?? null,
      seller: listing.seller ?? null,
      sponsored: listing.sponsored ?? false,
      from: from ?? null,
      assessment: printable(assessments[i]!, index),
    })),
  };
}

const cut = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

/** The readable form: a heading per file and a row per listing. */
export function formatTable(result: ScanResult): string {
  const head = `${result.file}\n  ${result.marketplace ?? 'unknown site'} · ${result.pageKind} · ${result.listings.length} listing(s) · ${result.url ?? 'no address found'}`;
  const rows = result.listings.map((listing) => {
    const price = listing.price
      ? `${listing.price.amount}${listing.price.max !== undefined ? `–${listing.price.max}` : ''} ${listing.price.currency}`
      : '—';
    return `  ${cut(listing.assessment.level, 7)} ${cut(listing.key, 28)} ${cut(listing.kind, 6)} ${cut(price, 18)} ${cut(listing.brand ?? '—', 16)} ${cut(listing.seller?.name ?? '—', 20)} ${listing.sponsored ? 'ad ' : '   '}${cut(listing.title, 60)}`;
  });
  return [head, ...rows].join('\n');
}
