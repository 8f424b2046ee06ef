import { marketplaceAt } from '../listing/hosts';
import { keyId } from '../listing/key';
import type { ReasonCode } from '../risk/assessment';
import { SHOP, SITES } from '../sites/index';
import { describeReason } from '../words/reasons';
import { marketplaceName, type Words } from '../words/words';
import { csvCell } from './csv';
import { type Report, type ReportRecord, type ReviewStatus, recordOf } from './report';

/**
 * Evidence as files to download: a spreadsheet, the raw records, and the lists and notices the
 * marketplaces' takedown forms take. One module for both sides: the service exports the reports
 * a volunteer may see, the extension an audit session's listings. Pure: the caller has already
 * picked the items; nothing here reads storage, the clock (unless no `now` is given) or the network.
 *
 * Everything in a report that came from a page (titles, sellers, terms quoted in the reasons,
 * the reporter's note) is hostile text. The spreadsheet neutralises formulas and quotes per
 * RFC 4180; the plain-text files put such text on one line, without control or bidi characters,
 * so that a title cannot forge lines of a notice.
 */

export const EXPORT_FORMATS = ['csv', 'json', 'vero', 'amazon-asins', 'alibaba-ipp', 'dsa-notice'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * One piece of evidence: a report, and what the service knows of it when it has it. A stored
 * report (`StoredReport` on the service) is one as it is. A listing the service never received,
 * such as one of an audit session, is a report alone:
 * - without `status`, it is not rejected: takedown lists and notices include it, it brings no
 *   reviewer's note, and the spreadsheet's `status` cell is empty;
 * - without `receivedAt`, the spreadsheet's `received_at` cell is empty (its `created_at` holds
 *   the report's own time) and the JSON record has no `receivedAt`.
 */
export interface EvidenceItem {
  report: ReportRecord;
  /** The review status the service holds; absent when no service has seen the report. */
  status?: ReviewStatus;
  /** When the service first received it (ISO 8601); absent when it never did. */
  receivedAt?: string;
  /** A volunteer's review of it. */
  review?: { note: string; by: string; at: string };
}

interface ExportOptions {
  /** The date the files and notices are made on; now by default. */
  now?: Date;
  /** The notifier named in a DSA notice; a blank to fill in when absent. */
  name?: string;
  email?: string;
  /**
   * Takedown lists and notices (VeRO, ASINs, IPP, DSA) leave out reports a volunteer rejected
   * unless this is set; the spreadsheet and JSON always hold every report given.
   */
  includeRejected?: boolean;
}

interface ExportFile {
  fileName: string;
  contentType: string;
  body: string;
}

type Listing = Report['listing'];

/**
 * eBay VeRO Notice of Claimed Infringement reason codes, as remembered from eBay's NOCI form:
 * "1.1" under trademark item infringement (a counterfeit item / unlawful replica) and "2.1" under
 * listing content infringement (unlawful use of the trademark or logo in the listing).
 * NOT VERIFIED: check both codes and their wording against eBay's current VeRO form (or the
 * VeRO API's getVeroReasonCodes, whose ids are numeric and per site) before filing.
 */
export const VERO_REASON_CODES = {
  counterfeit: {
    code: '1.1',
    text: "Item is a counterfeit product or unlawful replica of the trademark owner's product",
  },
  trademarkInListing: {
    code: '2.1',
    text: "Listing makes unauthorised use of the trademark owner's trademark or logo",
  },
} as const;

/** Reasons that speak for a listing: never offered as grounds in a takedown list or notice. */
const EXONERATING: ReadonlySet<ReasonCode> = new Set([
  'seller_authorised',
  'official_site',
  'honest_used',
  'honest_proof',
  'user_genuine',
]);
/** Reasons that say the item itself is a copy, whatever else the listing says. */
const COPY_SIGNS: ReadonlySet<ReasonCode> = new Set(['counterfeit_terms', 'grade_tag']);

/**
 * How a file is made: each item taken in turn (all the per-item work happens here), then the
 * file put together from what was gathered. The synchronous and the chunked export share these,
 * so they cannot differ.
 */
interface Builder {
  add(item: EvidenceItem): void;
  finish(): ExportFile;
}

const BUILDERS: { readonly [F in ExportFormat]: (options: Settled) => Builder } = {
  csv: csvBuilder,
  json: jsonBuilder,
  vero: veroBuilder,
  'amazon-asins': amazonBuilder,
  'alibaba-ipp': alibabaBuilder,
  'dsa-notice': dsaBuilder,
};

/** The options with `now` settled once, so that a file's name and text name the same day, and the words to write in. */
interface Settled extends ExportOptions {
  now: Date;
  words: Words;
}

function settled(options: ExportOptions, words: Words): Settled {
  return { ...options, now: options.now ?? new Date(), words };
}

/**
 * The file of one format, at once, in the words given: the evidence files are for the
 * marketplaces' English forms, so callers pass English whatever the reader's own language.
 */
export function exportReports(
  format: ExportFormat,
  items: readonly EvidenceItem[],
  words: Words,
  options: ExportOptions = {},
): ExportFile {
  const builder = BUILDERS[format](settled(options, words));
  for (const item of items) builder.add(item);
  return builder.finish();
}

/** How many items `exportEvidence` converts between two yields to the event loop. */
export const EVIDENCE_CHUNK = 250;

/**
 * The same file as `exportReports`, made a chunk of items at a time: after each chunk it calls
 * `onProgress(done, total)` and yields to the event loop, so that a page exporting thousands of
 * listings keeps painting and answering. `done` rises chunk by chunk to `total`; an empty list
 * reports (0, 0) once. The items are taken as they are when called; later changes to the array
 * do not reach the file.
 */
export async function exportEvidence(
  format: ExportFormat,
  items: readonly EvidenceItem[],
  words: Words,
  options: ExportOptions = {},
  onProgress?: (done: number, total: number) => void,
): Promise<ExportFile> {
  const list = [...items];
  const total = list.length;
  const builder = BUILDERS[format](settled(options, words));
  if (total === 0) onProgress?.(0, 0);
  for (let start = 0; start < total; start += EVIDENCE_CHUNK) {
    const end = Math.min(start + EVIDENCE_CHUNK, total);
    for (let index = start; index < end; index++) builder.add(list[index]!);
    onProgress?.(end, total);
    await new Promise<void>((resolve) => setTimeout(resolve));
  }
  return builder.finish();
}

// ---------------------------------------------------------------------------------------------
// CSV

const CSV_COLUMNS = [
  'id',
  'received_at',
  'created_at',
  'status',
  'brand',
  'marketplace',
  'listing_key',
  'url',
  'title',
  'price_amount',
  'price_max',
  'currency',
  'seller',
  'level',
  'reasons',
  'reasons_text',
  'category',
  'note',
  'review_note',
  'reviewed_by',
  'reviewed_at',
  'registry_version',
  'extension_version',
  'screenshot_sha256',
] as const;

/** A spreadsheet (UTF-8 with a byte-order mark, so Excel reads it as UTF-8; CRLF line ends). */
function csvBuilder(options: Settled): Builder {
  const rows = [CSV_COLUMNS.join(',')];
  return {
    add(item) {
      const { report, review } = item;
      const row: Record<(typeof CSV_COLUMNS)[number], string | number | undefined> = {
        id: report.id,
        received_at: item.receivedAt,
        created_at: report.createdAt,
        status: item.status,
        brand: report.brand,
        marketplace: report.listing.marketplace,
        listing_key: report.listing.key,
        url: report.listing.url,
        title: report.listing.title,
        price_amount: report.listing.price?.amount,
        price_max: report.listing.price?.max,
        currency: report.listing.price?.currency,
        seller: report.listing.seller,
        level: report.level,
        reasons: report.reasons.map((reason) => reason.code).join(';'),
        reasons_text: report.reasons.map((reason) => describeReason(reason, options.words)).join('; '),
        category: report.category,
        note: report.note,
        review_note: review?.note,
        reviewed_by: review?.by,
        reviewed_at: review?.at,
        registry_version: report.registryVersion,
        extension_version: report.extensionVersion,
        screenshot_sha256: report.screenshot?.sha256,
      };
      rows.push(CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
    },
    finish: () => ({
      fileName: fileName('reports', options, 'csv'),
      contentType: 'text/csv; charset=utf-8',
      body: `\uFEFF${rows.join('\r\n')}\r\n`,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// JSON

/** The items as they are, each screenshot reduced to its SHA-256. */
function jsonBuilder(options: Settled): Builder {
  // Each record as JSON.stringify(records, null, 2) would write it inside the array.
  const records: string[] = [];
  return {
    add(item) {
      const record = { ...item, report: recordOf(item.report) };
      records.push(JSON.stringify(record, null, 2).replaceAll('\n', '\n  '));
    },
    finish() {
      const array = records.length ? `[\n  ${records.join(',\n  ')}\n]` : '[]';
      // "<" escaped as \u003c (the same JSON value) so that the text stays inert even if pasted into HTML.
      const body = array.replaceAll('<', '\\u003c');
      return {
        fileName: fileName('reports', options, 'json'),
        contentType: 'application/json; charset=utf-8',
        body: `${body}\n`,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// eBay VeRO

/** eBay item ids with a reason code each, tab-separated, for the VeRO Notice of Claimed Infringement. */
function veroBuilder(options: Settled): Builder {
  const kinds = new Map<string, 'counterfeit' | 'trademarkInListing'>();
  let total = 0;
  let rejected = 0;
  let otherMarketplaces = 0;
  let unusable = 0;
  return {
    add(item) {
      total++;
      if (!isTaken(item, options)) {
        rejected++;
        return;
      }
      const { report } = item;
      if (report.listing.marketplace !== 'ebay') {
        otherMarketplaces++;
        return;
      }
      const id = keyId(report.listing.key, 'ebay');
      if (!id || !/^\d{9,19}$/.test(id)) {
        unusable++;
        return;
      }
      // One line per item: a counterfeit claim from any report of it wins.
      if (kinds.get(id) !== 'counterfeit') kinds.set(id, veroKind(report));
    },
    finish() {
      const ids = [...kinds.keys()].sort(byNumber);
      const lines = [
        '# eBay VeRO: items for a Notice of Claimed Infringement (NOCI)',
        `# Made by Counterfeit Guard on ${day(options)} from ${total} ${plural(total, 'report')}: ${ids.length} eBay ${plural(ids.length, 'item')}.`,
        `# Skipped: ${otherMarketplaces} ${plural(otherMarketplaces, 'report')} of other marketplaces` +
          `, ${rejected} rejected, ${unusable} without an eBay item id.`,
        '# Reason codes used (check them against the current VeRO form before filing):',
        ...Object.values(VERO_REASON_CODES).map(({ code, text }) => `#   ${code}\t${text}`),
        '# Only the trademark owner or its authorised agent may file these.',
        '# item_id\treason_code',
        ...ids.map((id) => `${id}\t${VERO_REASON_CODES[kinds.get(id)!].code}`),
      ];
      return {
        fileName: fileName('ebay-vero', options, 'txt'),
        contentType: 'text/plain; charset=utf-8',
        body: `${lines.join('\n')}\n`,
      };
    },
  };
}

/**
 * A listing that only says it resembles the brand ("Rolex style"), or a report filed as
 * misleading, is unauthorised use of the mark in the listing; anything else is a counterfeit claim.
 */
function veroKind(report: ReportRecord): 'counterfeit' | 'trademarkInListing' {
  const codes = new Set(report.reasons.map((reason) => reason.code));
  if ([...codes].some((code) => COPY_SIGNS.has(code))) return 'counterfeit';
  if (report.category === 'misleading' || codes.has('lookalike_terms')) return 'trademarkInListing';
  return 'counterfeit';
}

// ---------------------------------------------------------------------------------------------
// Amazon

/** ASINs, one a line, under a "# amazon.de" heading per marketplace domain; sorted, each once. */
function amazonBuilder(options: Settled): Builder {
  const byDomain = new Map<string, Set<string>>();
  return {
    add(item) {
      const { report } = item;
      if (!isTaken(item, options) || report.listing.marketplace !== 'amazon') return;
      const asin = keyId(report.listing.key, 'amazon');
      if (!asin || !/^[A-Z0-9]{10}$/.test(asin)) return;
      const domain = marketplaceHost(report.listing) ?? 'unknown domain';
      const asins = byDomain.get(domain) ?? new Set<string>();
      byDomain.set(domain, asins.add(asin));
    },
    finish() {
      const groups = [...byDomain.keys()]
        .sort(byText)
        .map((domain) => [`# ${domain}`, ...[...byDomain.get(domain)!].sort(byText)].join('\n'));
      return {
        fileName: fileName('amazon-asins', options, 'txt'),
        contentType: 'text/plain; charset=utf-8',
        body: groups.length ? `${groups.join('\n\n')}\n` : '',
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Alibaba IPP

/** The IPP platform takes at most this many links in one complaint. */
const IPP_BATCH_SIZE = 10;

/** Canonical AliExpress and Alibaba.com listing links, each once, in batches of ten per complaint. */
function alibabaBuilder(options: Settled): Builder {
  const links = new Map<'aliexpress' | 'alibaba', Set<string>>([
    ['aliexpress', new Set()],
    ['alibaba', new Set()],
  ]);
  return {
    add(item) {
      const { marketplace } = item.report.listing;
      if (!isTaken(item, options) || (marketplace !== 'aliexpress' && marketplace !== 'alibaba')) return;
      const link = listingAddress(item.report.listing);
      if (link) links.get(marketplace)!.add(link);
    },
    finish() {
      const batches: string[] = [];
      for (const [marketplace, set] of links) {
        const sorted = [...set].sort(byText);
        for (let start = 0; start < sorted.length; start += IPP_BATCH_SIZE) {
          const batch = sorted.slice(start, start + IPP_BATCH_SIZE);
          const heading = `# batch ${batches.length + 1} (${batch.length} ${plural(batch.length, 'link')}): ${marketplaceName(marketplace, options.words)}`;
          batches.push([heading, ...batch].join('\n'));
        }
      }
      return {
        fileName: fileName('alibaba-ipp', options, 'txt'),
        contentType: 'text/plain; charset=utf-8',
        body: batches.length ? `${batches.join('\n\n')}\n` : '',
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// EU Digital Services Act, Article 16 notice

const BLANK_NAME = '[your name]';
const BLANK_EMAIL = '[your e-mail address]';
const RULE = '='.repeat(78);

interface NoticeItem {
  url: string;
  title: string;
  seller?: string;
  brands: Set<string>;
  reasons: Set<string>;
  reviewNotes: Set<string>;
}

/**
 * One notice per marketplace with the elements Article 16(2) DSA asks of a notice: (a) why each
 * item is believed illegal, (b) its exact URL, (c) the notifier's name and e-mail, (d) the
 * statement of bona fide belief. A draft: the notifier completes and signs it before sending.
 */
function dsaBuilder(options: Settled): Builder {
  const platforms = new Map<string, { title: string; items: Map<string, NoticeItem> }>();
  let unlocated = 0;
  return {
    add(evidence) {
      if (!isTaken(evidence, options)) return;
      const { report } = evidence;
      const url = listingAddress(report.listing);
      if (!url) {
        unlocated++;
        return;
      }
      const platform = noticePlatform(report.listing, url, options.words);
      const group = platforms.get(platform.id) ?? { title: platform.title, items: new Map<string, NoticeItem>() };
      platforms.set(platform.id, group);
      let item = group.items.get(url);
      if (!item) {
        item = {
          url,
          title: oneLine(report.listing.title),
          brands: new Set(),
          reasons: new Set(),
          reviewNotes: new Set(),
        };
        const seller = oneLine(report.listing.seller ?? '');
        if (seller) item.seller = seller;
        group.items.set(url, item);
      }
      if (report.brand) item.brands.add(report.brand);
      for (const reason of report.reasons) {
        if (!EXONERATING.has(reason.code)) item.reasons.add(oneLine(describeReason(reason, options.words)));
      }
      if (evidence.status === 'confirmed' && evidence.review?.note) item.reviewNotes.add(oneLine(evidence.review.note));
    },
    finish() {
      const date = day(options);
      const name = oneLine(options.name ?? '') || BLANK_NAME;
      const email = oneLine(options.email ?? '') || BLANK_EMAIL;
      const notices = [...platforms.keys()].sort(byText).map((id) => {
        const { title, items } = platforms.get(id)!;
        return notice(title, [...items.values()], { date, name, email });
      });
      const header = [
        `# EU Digital Services Act notices, drafted by Counterfeit Guard on ${date}: ${notices.length} ${plural(notices.length, 'notice')}.`,
        ...(unlocated ? [`# ${unlocated} ${plural(unlocated, 'report')} left out: no usable listing address.`] : []),
        '',
      ];
      return {
        fileName: fileName('dsa-notices', options, 'txt'),
        contentType: 'text/plain; charset=utf-8',
        body: [...header, ...notices].join('\n'),
      };
    },
  };
}

function notice(title: string, list: NoticeItem[], by: { date: string; name: string; email: string }): string {
  const lines = [
    RULE,
    `NOTICE OF ILLEGAL CONTENT TO ${title.toUpperCase()}`,
    'under Article 16 of Regulation (EU) 2022/2065 (Digital Services Act)',
    RULE,
    '',
    `Date: ${by.date}`,
    `To: ${title}, through its notice and action mechanism`,
    '',
    'DRAFT: this notice must be completed and signed by the notifier before it is sent.',
    'Check every item below yourself before sending it.',
    '',
    '(a) Why the information is believed to be illegal content',
    '',
    `The ${list.length} ${plural(list.length, 'listing')} below ${list.length === 1 ? 'is' : 'are'} believed to be illegal content: offers of`,
    'suspected counterfeit goods, or listings using a trade mark without the consent of its owner',
    '(trade mark infringement; in the EU, Article 9 of Regulation (EU) 2017/1001 and Article 10 of',
    'Directive (EU) 2015/2436). The grounds for each listing are given with it.',
    '',
    ...list.flatMap((item, index) => noticeItem(item, index + 1)),
    '(b) Exact electronic location of the information',
    '',
    ...list.map((item, index) => `${index + 1}. ${item.url}`),
    '',
    '(c) Notifier',
    '',
    `Name: ${by.name}`,
    `E-mail: ${by.email}`,
    '',
    '(d) Statement',
    '',
    'I confirm my bona fide belief that the information and allegations contained in this notice',
    'are accurate and complete.',
    '',
    `Signed: ______________________________   ${by.name}   Date: ${by.date}`,
    '',
  ];
  return lines.join('\n');
}

function noticeItem(item: NoticeItem, number: number): string[] {
  const brands = [...item.brands].sort(byText);
  const reasons = [...item.reasons];
  return [
    `Item ${number}: ${item.title || '(no title)'}`,
    `  URL: ${item.url}`,
    ...(item.seller ? [`  Seller: ${item.seller}`] : []),
    ...(brands.length ? [`  Trade mark concerned: ${brands.join(', ')}`] : []),
    '  Grounds:',
    ...(reasons.length
      ? reasons.map((reason) => `  - ${reason}`)
      : ['  - Reported by a shopper as a suspected counterfeit']),
    ...[...item.reviewNotes].map((note) => `  - Reviewer's note: ${note}`),
    '',
  ];
}

/** Whom a notice goes to: the marketplace, or for any other shop, the shop at its host. */
function noticePlatform(listing: Listing, url: string, words: Words): { id: string; title: string } {
  if (listing.marketplace !== 'shop')
    return { id: listing.marketplace, title: marketplaceName(listing.marketplace, words) };
  const host = new URL(url).hostname.replace(/^www\./, '');
  return { id: `shop:${host}`, title: host };
}

// ---------------------------------------------------------------------------------------------
// Shared

/** Whether takedown lists and notices take this item: not rejected, or rejected ones asked for too. */
function isTaken(item: EvidenceItem, options: ExportOptions): boolean {
  return options.includeRejected === true || item.status !== 'rejected';
}

function rulesOf(marketplace: Listing['marketplace']) {
  return marketplace === 'shop' ? SHOP : SITES.find((rules) => rules.marketplace === marketplace);
}

/** The registrable marketplace host a listing's URL is on ("www.amazon.de" → "amazon.de"), if it is on one. */
function marketplaceHost(listing: Listing): string | undefined {
  const found = marketplaceAt(listing.url);
  return found?.marketplace === listing.marketplace ? found.host : undefined;
}

/**
 * The address a takedown names: the marketplace's canonical listing URL made from the key where
 * the rules give one without the shopper's host (AliExpress, Alibaba), else the reported URL
 * (without its fragment) when it is http(s) on one of the marketplace's hosts (any host for a
 * shop), else the canonical URL on the marketplace's main host; undefined when none can be made.
 */
function listingAddress(listing: Listing): string | undefined {
  const rules = rulesOf(listing.marketplace);
  const id = keyId(listing.key, listing.marketplace);
  const idFits = (pattern: string) => id !== undefined && new RegExp(`^(?:${pattern})$`).test(id);
  const canonical = (host: string | undefined) =>
    rules && host !== undefined && !rules.listingUrl.includes('{page}') && idFits(rules.idPattern)
      ? rules.listingUrl.replace('{host}', host).replace('{id}', encodeURIComponent(id!))
      : undefined;
  if (rules && !rules.listingUrl.includes('{host}')) {
    const made = canonical('');
    if (made) return made;
  }
  let url: URL | undefined;
  try {
    url = new URL(listing.url);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password) {
    if (listing.marketplace === 'shop' || marketplaceHost(listing)) {
      url.hash = '';
      return url.href;
    }
  }
  return canonical(Object.keys(rules?.hosts ?? {})[0]);
}

/** Page text on one line: control, bidi and line-separator characters become spaces, runs of space one. */
function oneLine(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const invisible =
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x200e ||
      code === 0x200f ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      code === 0x2028 ||
      code === 0x2029;
    out += invisible ? ' ' : char;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function day(options: Settled): string {
  return options.now.toISOString().slice(0, 10);
}

function fileName(what: string, options: Settled, extension: string): string {
  return `counterfeit-guard-${what}-${day(options)}.${extension}`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byNumber(a: string, b: string): number {
  return a.length - b.length || byText(a, b);
}
