import { hostUnder, sellingHosts } from '../listing/hosts';
import { keyId } from '../listing/key';
import type { Marketplace } from '../listing/listing';
import type { ListingReport, Registry } from '../registry/schema';

/**
 * Hosts a marketplace's own reporting lives on besides the hosts it sells on: Alibaba Group's
 * IP protection platform (ipp.alibabagroup.com) serves AliExpress and Alibaba.com, and Mercado
 * Libre's Brand Protection Program (global-selling.mercadolibre.com) every Mercado Libre site.
 * Kept in code on purpose: whatever a registry says, a report link never leads off these hosts.
 */
const REPORTING_HOSTS: Readonly<Partial<Record<Marketplace, readonly string[]>>> = {
  aliexpress: ['alibabagroup.com'],
  alibaba: ['alibabagroup.com'],
  mercadolibre: ['mercadolibre.com'],
};

const PLACEHOLDERS = ['id', 'origin'] as const;
const PLACEHOLDER = /\{([^{}]*)\}/g;
const MAX_ID = 160;

export type Programmes = Registry['programmes'];

interface MarketplaceReportLink {
  /** An https address on one of the marketplace's hosts. */
  url: string;
  /** The name of the marketplace's programme, "eBay Verified Rights Owner (VeRO) Program". */
  name: string;
  /** The address is not confirmed from the marketplace's own pages: it may be out of date. */
  estimated: boolean;
}

/**
 * The marketplace's own way to report this listing, built from its key and the registry's
 * `programmes.<marketplace>.listingReport`; undefined where there is none (`shop`, a
 * marketplace without one) or where the address made is not https on one of its hosts.
 */
export function marketplaceReportLink(
  listing: { key: string; url: string; marketplace: Marketplace },
  programmes: Programmes,
): MarketplaceReportLink | undefined {
  const { marketplace } = listing;
  if (!Object.hasOwn(programmes, marketplace)) return undefined;
  const programme = programmes[marketplace];
  const report = programme?.listingReport;
  if (!programme || !report) return undefined;

  const id = keyId(listing.key, marketplace);
  // "." and ".." would be read as path steps ("/listing/.." is "/").
  if (!id || id.length > MAX_ID || /^\.+$/.test(id)) return undefined;

  const origin = listingOrigin(listing.url, marketplace) ?? report.defaultOrigin;
  const address = fill(report.url, { id: encodeURIComponent(id), origin });
  const url = address === undefined ? undefined : httpsOn(address, reportingHosts(marketplace));
  if (!url) return undefined;
  return { url: url.href, name: programme.name, estimated: report.estimated ?? false };
}

/**
 * What is wrong with one marketplace's `listingReport`, each as "field: problem"; the registry
 * compiler adds the file and marketplace. The same checks `marketplaceReportLink` makes on
 * every link, made once on the template so that a mistake is refused at build time.
 */
export function listingReportProblems(marketplace: string, report: ListingReport): string[] {
  const selling = sellingHosts(marketplace);
  if (selling.length === 0) return [`listingReport: ${marketplace} has no hosts of its own to report a listing on`];
  const problems: string[] = [];
  const names = [...report.url.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
  for (const name of new Set(names)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      problems.push(`listingReport.url: unknown placeholder {${name}} (use {id} or {origin})`);
    }
  }
  if (/[{}]/.test(report.url.replace(PLACEHOLDER, ''))) {
    problems.push('listingReport.url: a brace that opens or closes no placeholder');
  }
  const usesOrigin = names.includes('origin');
  if (usesOrigin && (!report.url.startsWith('{origin}') || names.filter((name) => name === 'origin').length > 1)) {
    problems.push('listingReport.url: {origin} may only begin the address');
  }
  if (report.defaultOrigin !== undefined) {
    if (!usesOrigin) problems.push('listingReport.defaultOrigin: given, but the url does not use {origin}');
    const origin = httpsOn(report.defaultOrigin, selling);
    if (!origin) {
      problems.push(`listingReport.defaultOrigin: not an https address on a host of ${marketplace}`);
    } else if (origin.origin !== report.defaultOrigin) {
      problems.push(`listingReport.defaultOrigin: an origin alone, without a path or a slash (${origin.origin})`);
    }
  } else if (usesOrigin) {
    problems.push('listingReport.defaultOrigin: required when the url uses {origin}');
  }
  if (problems.length > 0) return problems;

  // Two listings, so that an {id} that would change the host shows.
  const made = ['204512345678', 'X0'].map((id) => fill(report.url, { id, origin: report.defaultOrigin }) ?? '');
  const [first, second] = made.map(parse);
  if (!first || !second) return [`listingReport.url: not a valid address ("${made[0]}")`];
  if (first.protocol !== 'https:') return [`listingReport.url: not an https address ("${made[0]}")`];
  if (first.host !== second.host) return ['listingReport.url: {id} may not be part of the host'];
  if (!httpsOn(first.href, reportingHosts(marketplace))) {
    return [`listingReport.url: ${first.host} is not a host of ${marketplace}`];
  }
  return [];
}

function reportingHosts(marketplace: string): readonly string[] {
  const extra = Object.hasOwn(REPORTING_HOSTS, marketplace) ? REPORTING_HOSTS[marketplace as Marketplace] : undefined;
  return [...sellingHosts(marketplace), ...(extra ?? [])];
}

/** The listing address's origin, when it is https on a host the marketplace sells on. */
function listingOrigin(address: string, marketplace: string): string | undefined {
  return httpsOn(address, sellingHosts(marketplace))?.origin;
}

/** The address parsed, when it is https on one of the hosts (or a subdomain), with no port or credentials. */
function httpsOn(address: string, hosts: readonly string[]): URL | undefined {
  const url = parse(address);
  if (url?.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return undefined;
  return hostUnder(url.hostname, hosts) ? url : undefined;
}

function parse(address: string): URL | undefined {
  try {
    return new URL(address);
  } catch {
    return undefined;
  }
}

/** The template with its placeholders filled; undefined when one is unknown or has no value. */
function fill(template: string, values: { id: string; origin: string | undefined }): string | undefined {
  let missing = false;
  const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = name === 'id' ? values.id : name === 'origin' ? values.origin : undefined;
    if (value === undefined) missing = true;
    return value ?? whole;
  });
  return missing || /[{}]/.test(filled) ? undefined : filled;
}
