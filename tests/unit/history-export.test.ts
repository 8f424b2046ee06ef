import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { historyCsv, historyFileName, historyJson } from '../../src/reports/history-export';
import type { OutboxView } from '../../src/reports/outbox-model';

const at = (hour: number, minute = 0) => Date.UTC(2025, 4, 6, hour, minute);
const SHA = 'ab'.repeat(32);

/** Sent, with a screenshot; a title that is a formula with quotes and commas, a seller starting with "-". */
const sent: OutboxView = {
  id: 'aaaaaaaaaaaaaaaa0001',
  kind: 'report',
  status: 'sent',
  createdAt: at(14),
  holdUntil: at(14) + 10_000,
  attempts: 1,
  nextAttemptAt: at(14, 1),
  sentAt: at(14, 1),
  screenshotSha256: SHA,
  body: {
    id: 'aaaaaaaaaaaaaaaa0001',
    reporterId: 'rrrrrrrrrrrrrrrr0001',
    listing: {
      key: 'ebay:204512345678',
      url: 'https://www.ebay.com/itm/204512345678',
      title: '=HYPERLINK("https://evil.example","Nike, cheap")',
      price: { amount: 34.99, currency: 'USD' },
      seller: '-best seller',
      marketplace: 'ebay',
    },
    brand: 'nike',
    level: 'high',
    reasons: [
      { code: 'brand_recognised', params: { brand: 'Nike' } },
      { code: 'counterfeit_terms', params: { brand: 'Nike', term: 'replica' } },
    ],
    registryVersion: 42,
    category: 'counterfeit',
    note: 'Box says "AAA grade", stitching off',
    createdAt: '2025-05-06T14:00:00.000Z',
    extensionVersion: '0.1.0',
  },
};

/** Refused by the service; a note over two lines starting with "@"; the screenshot not allowed. */
const failed: OutboxView = {
  id: 'aaaaaaaaaaaaaaaa0002',
  kind: 'report',
  status: 'failed',
  createdAt: at(13),
  holdUntil: at(13) + 10_000,
  attempts: 1,
  nextAttemptAt: at(13, 1),
  lastFailure: { code: 'refused', status: 422, detail: 'listing url not accepted, see docs' },
  screenshotSkipped: 'not_permitted',
  body: {
    id: 'aaaaaaaaaaaaaaaa0002',
    reporterId: 'rrrrrrrrrrrrrrrr0001',
    listing: {
      key: 'amazon:B0C1234567',
      url: 'https://www.amazon.com/dp/B0C1234567',
      title: 'Rolex Submariner 1:1 AAA',
      price: { amount: 120, currency: 'EUR' },
      seller: 'Watch World',
      marketplace: 'amazon',
    },
    level: 'caution',
    reasons: [],
    registryVersion: 41,
    category: 'misleading',
    note: '@seller\nsays it is real',
    createdAt: '2025-05-06T13:00:00.000Z',
    extensionVersion: '0.1.0',
  },
};

/** "This is genuine", waiting to be tried again: no level, reasons or category. */
const feedback: OutboxView = {
  id: 'aaaaaaaaaaaaaaaa0003',
  kind: 'feedback',
  status: 'queued',
  createdAt: at(12),
  holdUntil: at(12) + 10_000,
  attempts: 2,
  nextAttemptAt: at(12, 5),
  lastFailure: { code: 'server_error', status: 503 },
  body: {
    id: 'aaaaaaaaaaaaaaaa0003',
    reporterId: 'rrrrrrrrrrrrrrrr0001',
    listing: {
      key: 'etsy:1234567890',
      url: 'https://www.etsy.com/listing/1234567890',
      title: 'Seiko SKX007 +box',
      marketplace: 'etsy',
    },
    registryVersion: 42,
    createdAt: '2025-05-06T12:00:00.000Z',
    extensionVersion: '0.1.0',
  },
};

describe('the report history as CSV', () => {
  it('has a header row and one row per entry, quoted as RFC 4180 says, formulas defused', () => {
    const lines = historyCsv([sent, failed, feedback]).split('\r\n');
    expect(lines).toEqual([
      'id,kind,status,created_at,sent_at,withdrawn_at,next_attempt_at,listing_key,url,title,marketplace,price_amount,currency,seller,brand,level,reason_codes,category,note,registry_version,extension_version,failure_code,failure_http_status,failure_detail,screenshot_sha256,screenshot_skipped',
      `aaaaaaaaaaaaaaaa0001,report,sent,2025-05-06T14:00:00.000Z,2025-05-06T14:01:00.000Z,,,ebay:204512345678,https://www.ebay.com/itm/204512345678,"'=HYPERLINK(""https://evil.example"",""Nike, cheap"")",ebay,34.99,USD,"'-best seller",nike,high,brand_recognised;counterfeit_terms,counterfeit,"Box says ""AAA grade"", stitching off",42,0.1.0,,,,${SHA},`,
      // The note's line break stays inside its quoted field: this record spans two lines.
      'aaaaaaaaaaaaaaaa0002,report,failed,2025-05-06T13:00:00.000Z,,,,amazon:B0C1234567,https://www.amazon.com/dp/B0C1234567,Rolex Submariner 1:1 AAA,amazon,120,EUR,Watch World,,caution,,misleading,"\'@seller\nsays it is real",41,0.1.0,refused,422,"listing url not accepted, see docs",,not_permitted',
      'aaaaaaaaaaaaaaaa0003,feedback,queued,2025-05-06T12:00:00.000Z,,,2025-05-06T12:05:00.000Z,etsy:1234567890,https://www.etsy.com/listing/1234567890,Seiko SKX007 +box,etsy,,,,,,,,,42,0.1.0,server_error,503,,,',
      '',
    ]);
  });

  it('reads back, field for field, with a CSV parser', () => {
    const rows = parseCsv(historyCsv([sent, failed, feedback]), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.title, row.note, row.seller, row.failure_detail, row.category])).toEqual([
      [`'${sent.body.listing.title}`, sent.body.note, "'-best seller", '', 'counterfeit'],
      [
        'Rolex Submariner 1:1 AAA',
        "'@seller\nsays it is real",
        'Watch World',
        'listing url not accepted, see docs',
        'misleading',
      ],
      ['Seiko SKX007 +box', '', '', '', ''],
    ]);
  });

  it('is only the header row when there is nothing to export', () => {
    expect(historyCsv([])).toBe(
      'id,kind,status,created_at,sent_at,withdrawn_at,next_attempt_at,listing_key,url,title,marketplace,price_amount,currency,seller,brand,level,reason_codes,category,note,registry_version,extension_version,failure_code,failure_http_status,failure_detail,screenshot_sha256,screenshot_skipped\r\n',
    );
  });
});

describe('the report history as JSON', () => {
  it('round-trips every entry as it is held', () => {
    const text = historyJson([sent, failed, feedback]);
    expect(JSON.parse(text)).toEqual([sent, failed, feedback]);
    expect(text.startsWith('[\n  {\n    "id": "aaaaaaaaaaaaaaaa0001"')).toBe(true);
    expect(JSON.parse(historyJson([]))).toEqual([]);
  });
});

describe('the export file names', () => {
  it('carry the local date', () => {
    expect(historyFileName('csv', new Date(2025, 0, 9, 23, 59))).toBe('counterfeit-guard-reports-2025-01-09.csv');
    expect(historyFileName('json', new Date(2025, 11, 31, 0, 1))).toBe('counterfeit-guard-reports-2025-12-31.json');
  });
});
