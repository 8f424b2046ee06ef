// @vitest-environment node
import { parse as parseCsv } from 'csv-parse/sync';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { StoredReport } from '../../server/src/storage/types';
import { csvCell } from '../../src/reports/csv';
import {
  EVIDENCE_CHUNK,
  type EvidenceItem,
  EXPORT_FORMATS,
  exportEvidence,
  exportReports,
  VERO_REASON_CODES,
} from '../../src/reports/evidence';
import { type Report, ReportSchema } from '../../src/reports/report';
import { ENGLISH } from '../../src/words/english';

const NOW = new Date('2025-03-14T09:30:00Z');
const HOSTILE_TITLE =
  'Rolex "Submariner", replica\n=HYPERLINK("http://evil.example","click") <script>alert(1)</script>';

let counter = 0;
/** A report valid per ReportSchema, stored with the given status. */
function stored(
  listing: Partial<Report['listing']> & Pick<Report['listing'], 'key' | 'url' | 'marketplace'>,
  extra: Partial<Omit<Report, 'listing'>> = {},
  store: Partial<Omit<StoredReport, 'report'>> = {},
): StoredReport & { report: Report } {
  counter++;
  const report = v.parse(ReportSchema, {
    id: `report-${String(counter).padStart(10, '0')}`,
    reporterId: 'reporter-0000000001',
    listing: { title: 'Rolex Submariner replica', ...listing },
    brand: 'rolex',
    level: 'high',
    reasons: [{ code: 'counterfeit_terms', params: { term: 'replica' } }],
    registryVersion: 7,
    category: 'counterfeit',
    createdAt: '2025-03-01T10:00:00.000Z',
    extensionVersion: '0.1.0',
    ...extra,
  });
  return { report, status: 'open', receivedAt: '2025-03-01T10:00:05.000Z', ...store };
}

const ebay = (id: string, extra: Partial<Omit<Report, 'listing'>> = {}, store: Partial<StoredReport> = {}) =>
  stored({ key: `ebay:${id}`, url: `https://www.ebay.com/itm/${id}`, marketplace: 'ebay' }, extra, store);
const amazon = (asin: string, host: string) =>
  stored({ key: `amazon:${asin}`, url: `https://${host}/dp/${asin}?ref=x`, marketplace: 'amazon' });
const aliexpress = (id: string) =>
  stored({
    key: `aliexpress:${id}`,
    url: `https://de.aliexpress.com/item/${id}.html?spm=a2g0o`,
    marketplace: 'aliexpress',
  });
const alibaba = (id: string) =>
  stored({
    key: `alibaba:${id}`,
    url: `https://www.alibaba.com/product-detail/Watch_${id}.html`,
    marketplace: 'alibaba',
  });

describe('CSV', () => {
  const hostile = stored(
    {
      key: 'ebay:204512345678',
      url: 'https://www.ebay.com/itm/204512345678',
      marketplace: 'ebay',
      title: HOSTILE_TITLE,
      price: { amount: 25.5, currency: 'USD' },
      seller: '+1 best-watches',
    },
    {
      note: '@x shopper note',
      reasons: [
        { code: 'counterfeit_terms', params: { term: 'replica' } },
        {
          code: 'price_below_floor',
          params: { price: 25.5, currency: 'USD', percent: 97, floor: 9000, brand: 'Rolex' },
        },
      ],
      screenshot: { base64: 'iVBORw0KGgo=', sha256: 'a'.repeat(64) },
    },
    { status: 'confirmed', review: { note: '-2 fake dial', by: 'Volunteer A', at: '2025-03-02T08:00:00.000Z' } },
  );
  const plain = stored({ key: 'amazon:B0C1234567', url: 'https://www.amazon.de/dp/B0C1234567', marketplace: 'amazon' });
  const { body, fileName, contentType } = exportReports('csv', [hostile, plain], ENGLISH, { now: NOW });
  // Physical lines: records end in CRLF; the title's own LF stays inside its quoted cell.
  const lines = body.replace(/^\uFEFF/, '').split(/\r?\n/);

  it('names the file and the type', () => {
    expect(fileName).toBe('counterfeit-guard-reports-2025-03-14.csv');
    expect(contentType).toBe('text/csv; charset=utf-8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.match(/\r\n/g)).toHaveLength(3);
  });

  it('has a header row with every field', () => {
    expect(lines[0]).toBe(
      'id,received_at,created_at,status,brand,marketplace,listing_key,url,title,price_amount,price_max,currency,' +
        'seller,level,reasons,reasons_text,category,note,review_note,reviewed_by,reviewed_at,registry_version,' +
        'extension_version,screenshot_sha256',
    );
  });

  it('writes a plain report as a plain row', () => {
    expect(lines.at(-2)).toBe(
      `${plain.report.id},2025-03-01T10:00:05.000Z,2025-03-01T10:00:00.000Z,open,rolex,amazon,amazon:B0C1234567,` +
        'https://www.amazon.de/dp/B0C1234567,Rolex Submariner replica,,,,,high,counterfeit_terms,' +
        'Describes itself as a copy: “replica”,counterfeit,,,,,7,0.1.0,',
    );
    expect(lines.at(-1)).toBe('');
  });

  it('quotes per RFC 4180 and defuses every formula start', () => {
    // The hostile row spans two physical lines: the title's newline stays inside its quotes.
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(
      `${hostile.report.id},2025-03-01T10:00:05.000Z,2025-03-01T10:00:00.000Z,confirmed,rolex,ebay,ebay:204512345678,` +
        'https://www.ebay.com/itm/204512345678,"Rolex ""Submariner"", replica',
    );
    expect(lines[2]).toBe(
      '=HYPERLINK(""http://evil.example"",""click"") <script>alert(1)</script>",25.5,,USD,"\'+1 best-watches",high,' +
        'counterfeit_terms;price_below_floor,' +
        '"Describes itself as a copy: “replica”; Priced at $25.50, 97% under the $9,000.00 a new genuine Rolex item costs at the least",' +
        `counterfeit,"'@x shopper note","'-2 fake dial",Volunteer A,2025-03-02T08:00:00.000Z,7,0.1.0,${'a'.repeat(64)}`,
    );
  });

  it('parses back to the same text, formulas prefixed with a quote', () => {
    const records = parseCsv(body, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(2);
    expect(records[0]!.title).toBe(HOSTILE_TITLE);
    expect(records[0]!.seller).toBe("'+1 best-watches");
    expect(records[0]!.note).toBe("'@x shopper note");
    expect(records[0]!.review_note).toBe("'-2 fake dial");
    expect(records[1]!.listing_key).toBe('amazon:B0C1234567');
  });

  it('neutralises each dangerous first character', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@x')).toBe(`"'@x"`);
    expect(csvCell('\tx')).toBe(`"'\tx"`);
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('＝1+1')).toBe(`"'＝1+1"`);
    // Behind white space and marks a spreadsheet drops or does not show.
    expect(csvCell(' =1+1')).toBe(`"' =1+1"`);
    expect(csvCell('\u200B=HYPERLINK("x")')).toBe(`"'\u200B=HYPERLINK(""x"")"`);
    expect(csvCell('\u202E\u2066@SUM(A1)')).toBe(`"'\u202E\u2066@SUM(A1)"`);
    expect(csvCell('\uFEFF+1')).toBe(`"'\uFEFF+1"`);
    expect(csvCell('a = b')).toBe('a = b');
    expect(csvCell('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(3.5)).toBe('3.5');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('JSON', () => {
  const withShot = stored(
    {
      key: 'ebay:204512345678',
      url: 'https://www.ebay.com/itm/204512345678',
      marketplace: 'ebay',
      title: HOSTILE_TITLE,
    },
    { screenshot: { base64: 'iVBORw0KGgoAAAANSUhEUg==', sha256: 'b'.repeat(64) } },
  );
  const without = amazon('B0C1234567', 'www.amazon.com');
  const { body, fileName, contentType } = exportReports('json', [withShot, without], ENGLISH, { now: NOW });

  it('is valid, pretty JSON of the stored reports', () => {
    expect(fileName).toBe('counterfeit-guard-reports-2025-03-14.json');
    expect(contentType).toBe('application/json; charset=utf-8');
    const parsed = JSON.parse(body) as StoredReport[];
    expect(parsed).toHaveLength(2);
    expect(body.split('\n')[0]).toBe('[');
    expect(body.split('\n')[1]).toBe('  {');
    expect(parsed[0]!.report.listing.title).toBe(HOSTILE_TITLE);
    expect(parsed[1]).toEqual(without);
  });

  it('keeps only the screenshot hash', () => {
    const parsed = JSON.parse(body) as StoredReport[];
    expect(parsed[0]!.report.screenshot).toEqual({ sha256: 'b'.repeat(64) });
    expect(body).not.toContain('iVBORw0KGgo');
    expect(withShot.report.screenshot?.base64).toBe('iVBORw0KGgoAAAANSUhEUg=='); // the input is untouched
  });

  it('holds no raw "<"', () => {
    expect(body).not.toContain('<script>');
    expect(body).toContain('\\u003cscript>');
  });
});

describe('eBay VeRO', () => {
  const reports = [
    ebay('204512345678'),
    ebay('204512345678'), // the same item again: one line
    ebay('123456789012', { reasons: [{ code: 'lookalike_terms', params: { brand: 'Rolex', term: 'Rolex style' } }] }),
    ebay('999999999', { category: 'misleading', reasons: [] }),
    ebay('555555555555', {}, { status: 'rejected' }),
    amazon('B0C1234567', 'www.amazon.com'),
    aliexpress('1005001234567890'),
  ];

  it('writes a header, then one tab-separated line per eBay item', () => {
    const { body, fileName, contentType } = exportReports('vero', reports, ENGLISH, { now: NOW });
    expect(fileName).toBe('counterfeit-guard-ebay-vero-2025-03-14.txt');
    expect(contentType).toBe('text/plain; charset=utf-8');
    expect(body.split('\n')).toEqual([
      '# eBay VeRO: items for a Notice of Claimed Infringement (NOCI)',
      '# Made by Counterfeit Guard on 2025-03-14 from 7 reports: 3 eBay items.',
      '# Skipped: 2 reports of other marketplaces, 1 rejected, 0 without an eBay item id.',
      '# Reason codes used (check them against the current VeRO form before filing):',
      `#   1.1\t${VERO_REASON_CODES.counterfeit.text}`,
      `#   2.1\t${VERO_REASON_CODES.trademarkInListing.text}`,
      '# Only the trademark owner or its authorised agent may file these.',
      '# item_id\treason_code',
      '999999999\t2.1',
      '123456789012\t2.1',
      '204512345678\t1.1',
      '',
    ]);
  });

  it('includes rejected reports when asked', () => {
    const { body } = exportReports('vero', reports, ENGLISH, { now: NOW, includeRejected: true });
    expect(body).toContain('\n555555555555\t1.1\n');
    expect(body).toContain('# Skipped: 2 reports of other marketplaces, 0 rejected');
  });

  it('lets a counterfeit claim win over a listing claim for the same item', () => {
    const { body } = exportReports(
      'vero',
      [
        ebay('123456789012', { reasons: [{ code: 'lookalike_terms', params: { brand: 'Rolex', term: 'style' } }] }),
        ebay('123456789012'),
      ],
      ENGLISH,
      { now: NOW },
    );
    expect(body.trimEnd().split('\n').at(-1)).toBe('123456789012\t1.1');
  });
});

describe('Amazon ASINs', () => {
  it('groups by domain under a heading, sorted and each once', () => {
    const { body, fileName } = exportReports(
      'amazon-asins',
      [
        amazon('B0C1234567', 'www.amazon.de'),
        amazon('B0A0000001', 'www.amazon.de'),
        amazon('B0C1234567', 'www.amazon.de'),
        amazon('B0C1234567', 'www.amazon.com'),
        amazon('B0Z9999999', 'smile.amazon.co.uk'),
        amazon('B0B0000002', 'www.amazon.com'),
        ebay('204512345678'),
      ],
      ENGLISH,
      { now: NOW },
    );
    expect(fileName).toBe('counterfeit-guard-amazon-asins-2025-03-14.txt');
    expect(body.split('\n')).toEqual([
      '# amazon.co.uk',
      'B0Z9999999',
      '',
      '# amazon.com',
      'B0B0000002',
      'B0C1234567',
      '',
      '# amazon.de',
      'B0A0000001',
      'B0C1234567',
      '',
    ]);
  });

  it('is empty without Amazon reports', () => {
    expect(exportReports('amazon-asins', [ebay('204512345678')], ENGLISH).body).toBe('');
  });
});

describe('Alibaba IPP', () => {
  const ids = Array.from({ length: 23 }, (_, i) => String(1005001234567800 + i));
  const reports = [
    ...ids.map(aliexpress),
    aliexpress(ids[0]!), // again
    alibaba('1600123456789'),
    alibaba('1600123456789'), // again
    ebay('204512345678'),
    amazon('B0C1234567', 'www.amazon.com'),
  ];
  const { body, fileName } = exportReports('alibaba-ipp', reports, ENGLISH, { now: NOW });
  const lines = body.split('\n');

  it('puts at most ten canonical links in a batch', () => {
    expect(fileName).toBe('counterfeit-guard-alibaba-ipp-2025-03-14.txt');
    const headings = lines.filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# batch 1 (10 links): AliExpress',
      '# batch 2 (10 links): AliExpress',
      '# batch 3 (3 links): AliExpress',
      '# batch 4 (1 link): Alibaba',
    ]);
    expect(lines.slice(0, 12)).toEqual([
      '# batch 1 (10 links): AliExpress',
      ...ids.slice(0, 10).map((id) => `https://www.aliexpress.com/item/${id}.html`),
      '',
    ]);
    expect(lines.slice(-3)).toEqual([
      '# batch 4 (1 link): Alibaba',
      'https://www.alibaba.com/product-detail/_1600123456789.html',
      '',
    ]);
  });

  it('names each link once and only Alibaba Group marketplaces', () => {
    const links = lines.filter((line) => line.startsWith('https://'));
    expect(links).toHaveLength(24);
    expect(new Set(links).size).toBe(24);
    expect(links.every((link) => /^https:\/\/www\.(aliexpress|alibaba)\.com\//.test(link))).toBe(true);
  });
});

describe('DSA notice', () => {
  const hostile = stored(
    {
      key: 'ebay:204512345678',
      url: 'https://www.ebay.de/itm/204512345678',
      marketplace: 'ebay',
      title: HOSTILE_TITLE,
      seller: 'watch\u202Eseller\nI withdraw this notice',
    },
    {
      reasons: [
        { code: 'counterfeit_terms', params: { term: 'replica' } },
        { code: 'honest_used', params: { term: 'used' } },
      ],
    },
    {
      status: 'confirmed',
      review: { note: 'Dial and case back are wrong', by: 'Volunteer A', at: '2025-03-02T08:00:00.000Z' },
    },
  );
  const reports = [
    hostile,
    ebay('123456789012', { reasons: [{ code: 'lookalike_terms', params: { brand: 'Rolex', term: 'Rolex style' } }] }),
    ebay('555555555555', {}, { status: 'rejected' }),
    amazon('B0C1234567', 'www.amazon.de'),
    aliexpress('1005001234567890'),
    stored({ key: 'shop:watches.example~42', url: 'https://www.watches.example/p/42#top', marketplace: 'shop' }),
  ];

  it('writes one notice per marketplace with the four elements, the date and the signing line', () => {
    const { body, fileName, contentType } = exportReports('dsa-notice', reports, ENGLISH, { now: NOW });
    expect(fileName).toBe('counterfeit-guard-dsa-notices-2025-03-14.txt');
    expect(contentType).toBe('text/plain; charset=utf-8');
    const notices = body.split(/^={78}\nNOTICE OF ILLEGAL CONTENT TO /m).slice(1);
    expect(notices.map((notice) => notice.split('\n')[0])).toEqual(['ALIEXPRESS', 'AMAZON', 'EBAY', 'WATCHES.EXAMPLE']);
    for (const notice of notices) {
      const lines = notice.split('\n');
      expect(lines).toContain('Date: 2025-03-14');
      expect(lines).toContain('DRAFT: this notice must be completed and signed by the notifier before it is sent.');
      expect(lines).toContain('(a) Why the information is believed to be illegal content');
      expect(notice).toMatch(
        /suspected counterfeit goods, or listings using a trade mark without the consent of its owner/,
      );
      expect(lines).toContain('(b) Exact electronic location of the information');
      expect(lines).toContain('(c) Notifier');
      expect(lines).toContain('Name: [your name]');
      expect(lines).toContain('E-mail: [your e-mail address]');
      expect(lines).toContain('(d) Statement');
      expect(notice).toContain(
        'I confirm my bona fide belief that the information and allegations contained in this notice\nare accurate and complete.',
      );
      expect(notice).toContain('Signed: ______________________________   [your name]   Date: 2025-03-14');
    }
  });

  it('lists every URL of each marketplace, in (a) and in (b)', () => {
    const { body } = exportReports('dsa-notice', reports, ENGLISH, { now: NOW });
    const ebayNotice = body.slice(
      body.indexOf('NOTICE OF ILLEGAL CONTENT TO EBAY'),
      body.indexOf('NOTICE OF ILLEGAL CONTENT TO WATCHES'),
    );
    const lines = ebayNotice.split('\n');
    expect(lines).toContain('To: eBay, through its notice and action mechanism');
    expect(lines).toContain('  URL: https://www.ebay.de/itm/204512345678');
    expect(lines).toContain('  URL: https://www.ebay.com/itm/123456789012');
    const b = lines.indexOf('(b) Exact electronic location of the information');
    expect(lines.slice(b + 2, b + 4)).toEqual([
      '1. https://www.ebay.de/itm/204512345678',
      '2. https://www.ebay.com/itm/123456789012',
    ]);
    expect(ebayNotice).not.toContain('555555555555'); // rejected
    expect(body).toContain('1. https://www.amazon.de/dp/B0C1234567?ref=x');
    expect(body).toContain('1. https://www.aliexpress.com/item/1005001234567890.html');
    expect(body).toContain('1. https://www.watches.example/p/42\n'); // fragment dropped
  });

  it('gives the grounds per listing in words, hostile text on one line', () => {
    const { body } = exportReports('dsa-notice', reports, ENGLISH, { now: NOW });
    const lines = body.split('\n');
    const item = lines.indexOf(
      'Item 1: Rolex "Submariner", replica =HYPERLINK("http://evil.example","click") <script>alert(1)</script>',
    );
    expect(item).toBeGreaterThan(0);
    expect(lines.slice(item, item + 9)).toEqual([
      lines[item],
      '  URL: https://www.ebay.de/itm/204512345678',
      '  Seller: watch seller I withdraw this notice',
      '  Trade mark concerned: rolex',
      '  Grounds:',
      '  - Describes itself as a copy: “replica”',
      "  - Reviewer's note: Dial and case back are wrong",
      '',
      'Item 2: Rolex Submariner replica',
    ]);
    expect(body).toContain('  - Says it only resembles Rolex (“Rolex style”), so it is not a genuine Rolex item');
    expect(body).not.toContain('second-hand'); // reasons that speak for a listing are not grounds
    expect(lines.some((line) => line.startsWith('I withdraw'))).toBe(false);
  });

  it('names the notifier when given', () => {
    const { body } = exportReports('dsa-notice', [hostile], ENGLISH, {
      now: NOW,
      name: 'Jane Doe',
      email: 'jane@brand.example',
    });
    expect(body).toContain('\nName: Jane Doe\nE-mail: jane@brand.example\n');
    expect(body).not.toContain('[your name]');
  });
});

describe('exportReports', () => {
  it('dispatches every format', () => {
    const reports = [ebay('204512345678'), amazon('B0C1234567', 'www.amazon.com'), aliexpress('1005001234567890')];
    for (const format of EXPORT_FORMATS) {
      const file = exportReports(format, reports, ENGLISH, { now: NOW });
      expect(file.fileName).toMatch(/^counterfeit-guard-[a-z-]+-2025-03-14\.(csv|json|txt)$/);
      expect(file.contentType).toMatch(/; charset=utf-8$/);
      expect(file.body.length).toBeGreaterThan(0);
    }
    expect(exportReports('csv', reports, ENGLISH, { now: NOW })).toEqual(
      exportReports('csv', reports, ENGLISH, { now: NOW }),
    );
    expect(exportReports('dsa-notice', reports, ENGLISH, { now: NOW })).toEqual(
      exportReports('dsa-notice', reports, ENGLISH, { now: NOW }),
    );
  });
});

describe('items the service never received (no status, no receivedAt)', () => {
  /** An audit's listing: the report alone. */
  const bare = (item: StoredReport): EvidenceItem => ({ report: item.report });
  const asOpen = (item: StoredReport): StoredReport => ({ report: item.report, status: 'open', receivedAt: 'x' });
  const items = [
    ebay('204512345678'),
    ebay('123456789012', { reasons: [{ code: 'lookalike_terms', params: { brand: 'Rolex', term: 'Rolex style' } }] }),
    amazon('B0C1234567', 'www.amazon.de'),
    aliexpress('1005001234567890'),
    alibaba('1600123456789'),
    stored({ key: 'shop:watches.example~42', url: 'https://www.watches.example/p/42', marketplace: 'shop' }),
  ];

  it('leave the spreadsheet’s received_at and status empty; created_at is the report’s own', () => {
    const { body } = exportReports('csv', [bare(items[0]!)], ENGLISH, { now: NOW });
    const lines = body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `${items[0]!.report.id},,2025-03-01T10:00:00.000Z,,rolex,ebay,ebay:204512345678,` +
        'https://www.ebay.com/itm/204512345678,Rolex Submariner replica,,,,,high,counterfeit_terms,' +
        'Describes itself as a copy: “replica”,counterfeit,,,,,7,0.1.0,',
    );
    const [record] = parseCsv(body, { bom: true, columns: true }) as Record<string, string>[];
    expect([record!.received_at, record!.status, record!.created_at]).toEqual(['', '', '2025-03-01T10:00:00.000Z']);
  });

  it('are JSON records of the report alone', () => {
    const parsed = JSON.parse(exportReports('json', items.map(bare), ENGLISH, { now: NOW }).body) as EvidenceItem[];
    expect(parsed).toEqual(items.map(bare));
    expect(parsed.every((record) => Object.keys(record).join() === 'report')).toBe(true);
  });

  it('count as not rejected: every takedown list and notice is the one of the same reports left open', () => {
    for (const format of ['vero', 'amazon-asins', 'alibaba-ipp', 'dsa-notice'] as const) {
      const file = exportReports(format, items.map(bare), ENGLISH, { now: NOW });
      expect(file, format).toEqual(exportReports(format, items.map(asOpen), ENGLISH, { now: NOW }));
      expect(file.body.length, format).toBeGreaterThan(0);
    }
    const { body } = exportReports('vero', items.map(bare), ENGLISH, { now: NOW });
    expect(body).toContain('# Made by Counterfeit Guard on 2025-03-14 from 6 reports: 2 eBay items.');
    expect(body).toContain('# Skipped: 4 reports of other marketplaces, 0 rejected, 0 without an eBay item id.');
    expect(body).toContain('\n123456789012\t2.1\n204512345678\t1.1\n');
    expect(exportReports('amazon-asins', items.map(bare), ENGLISH).body).toBe('# amazon.de\nB0C1234567\n');
    expect(exportReports('alibaba-ipp', items.map(bare), ENGLISH).body).toContain(
      'https://www.aliexpress.com/item/1005001234567890.html',
    );
  });

  it('mix with stored reports: only a stored rejection is left out', () => {
    const rejected = ebay('555555555555', {}, { status: 'rejected' });
    const { body } = exportReports('vero', [...items.map(bare), rejected], ENGLISH, { now: NOW });
    expect(body).toContain('# Skipped: 4 reports of other marketplaces, 1 rejected, 0 without an eBay item id.');
    expect(body).not.toContain('555555555555');
    expect(
      exportReports('vero', [...items.map(bare), rejected], ENGLISH, { now: NOW, includeRejected: true }).body,
    ).toContain('\n555555555555\t1.1\n');
  });

  it('bring no reviewer’s note to a DSA notice, even with a review, when no status says confirmed', () => {
    const review = { note: 'Dial is wrong', by: 'Volunteer A', at: '2025-03-02T08:00:00.000Z' };
    const unjudged: EvidenceItem = { report: items[0]!.report, review };
    expect(exportReports('dsa-notice', [unjudged], ENGLISH, { now: NOW }).body).not.toContain('Reviewer');
    expect(exportReports('dsa-notice', [{ ...unjudged, status: 'confirmed' }], ENGLISH, { now: NOW }).body).toContain(
      "  - Reviewer's note: Dial is wrong\n",
    );
  });
});

describe('exportEvidence', () => {
  /** 2,000 items of every marketplace and state, some listings more than once, some hostile text. */
  const many: EvidenceItem[] = Array.from({ length: 2000 }, (_, i) => {
    const n = i % 900; // listings seen again
    const extra: Partial<Omit<Report, 'listing'>> =
      i % 4 === 0 ? { reasons: [{ code: 'lookalike_terms', params: { brand: 'Rolex', term: 'Rolex style' } }] } : {};
    const made = [
      () => ebay(String(204512000000 + n), extra),
      () => amazon(`B0${String(n).padStart(8, '0')}`, ['www.amazon.de', 'www.amazon.com', 'www.amazon.co.uk'][n % 3]!),
      () => aliexpress(String(1005001234500000 + n)),
      () => alibaba(String(1600123450000 + n)),
      () =>
        stored(
          { key: `shop:shop${n % 7}.example~${n}`, url: `https://shop${n % 7}.example/p/${n}`, marketplace: 'shop' },
          { ...extra, note: i % 11 === 0 ? '=cmd|"/c calc"!A1' : 'looks fake' },
        ),
      () =>
        stored({
          key: `etsy:${1234567000 + n}`,
          url: `https://www.etsy.com/listing/${1234567000 + n}`,
          marketplace: 'etsy',
          title: i % 13 === 0 ? HOSTILE_TITLE : `Rolex watch ${n}`,
        }),
    ][i % 6]!();
    if (i % 3 === 0) return { report: made.report };
    if (i % 7 === 0) return { ...made, status: 'rejected' };
    if (i % 5 === 0) {
      return { ...made, status: 'confirmed', review: { note: `fake ${n}`, by: 'Volunteer A', at: made.receivedAt } };
    }
    return made;
  });

  it('builds, for every format, the very file exportReports builds, reporting progress chunk by chunk', async () => {
    expect(EVIDENCE_CHUNK).toBe(250);
    for (const format of EXPORT_FORMATS) {
      for (const options of [{ now: NOW }, { now: NOW, includeRejected: true, name: 'Jane Doe' }]) {
        const progress: [number, number][] = [];
        const file = await exportEvidence(format, many, ENGLISH, options, (done, total) =>
          progress.push([done, total]),
        );
        expect(file, format).toEqual(exportReports(format, many, ENGLISH, options));
        expect(progress, format).toEqual(Array.from({ length: 8 }, (_, k) => [(k + 1) * 250, 2000]));
      }
    }
  });

  it('reports progress monotonically up to the total, a last short chunk included', async () => {
    const progress: [number, number][] = [];
    const some = many.slice(0, 1234);
    const file = await exportEvidence('csv', some, ENGLISH, { now: NOW }, (done, total) =>
      progress.push([done, total]),
    );
    expect(file).toEqual(exportReports('csv', some, ENGLISH, { now: NOW }));
    expect(progress.map(([done]) => done)).toEqual([250, 500, 750, 1000, 1234]);
    expect(progress.every(([, total]) => total === 1234)).toBe(true);
    for (let k = 1; k < progress.length; k++) expect(progress[k]![0]).toBeGreaterThan(progress[k - 1]![0]);
  });

  it('yields to the event loop between chunks', async () => {
    let timerRan = false;
    const seen: boolean[] = [];
    setTimeout(() => {
      timerRan = true;
    });
    await exportEvidence('dsa-notice', many, ENGLISH, { now: NOW }, () => seen.push(timerRan));
    // The first chunk runs at once; a timer already due runs before the second.
    expect(seen).toEqual([false, true, true, true, true, true, true, true]);
  });

  it('takes the items as they are when called', async () => {
    const list = many.slice(0, 600);
    const exporting = exportEvidence('json', list, ENGLISH, { now: NOW });
    list.push(ebay('999999999999'));
    list.splice(0, 100);
    expect(await exporting).toEqual(exportReports('json', many.slice(0, 600), ENGLISH, { now: NOW }));
  });

  it('reports (0, 0) once for nothing, and builds the empty file', async () => {
    for (const format of EXPORT_FORMATS) {
      const progress: [number, number][] = [];
      const file = await exportEvidence(format, [], ENGLISH, { now: NOW }, (done, total) =>
        progress.push([done, total]),
      );
      expect(file, format).toEqual(exportReports(format, [], ENGLISH, { now: NOW }));
      expect(progress, format).toEqual([[0, 0]]);
    }
    expect((await exportEvidence('json', [], ENGLISH, { now: NOW })).body).toBe('[]\n');
  });

  it('names one day in the file name and the text when not given a date', async () => {
    const file = await exportEvidence('vero', many.slice(0, 300), ENGLISH);
    const named = /^counterfeit-guard-ebay-vero-(\d{4}-\d\d-\d\d)\.txt$/.exec(file.fileName)?.[1];
    expect(named).toBeDefined();
    expect(file.body).toContain(`# Made by Counterfeit Guard on ${named} from 300 reports`);
  });
});
