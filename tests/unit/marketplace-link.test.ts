import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY_SOURCES } from '../../src/disk/registry-files';
import { MARKETPLACES, type Marketplace } from '../../src/listing/listing';
import { buildIndex, loadIndex, storeIndex } from '../../src/matching/match-index';
import { compileRegistry, RegistryBuildError } from '../../src/registry/compile';
import type { Registry } from '../../src/registry/schema';
import { marketplaceReportLink, type Programmes } from '../../src/reports/marketplace-link';
import { testSources } from '../support/registry';

/** The programmes as shipped, compiled beside the test registry (so the build's checks run on them). */
const shippedProgrammes = () => JSON.parse(readFileSync(join(REGISTRY_SOURCES, 'programmes.json'), 'utf8'));

function registryWith(programmes: unknown): Registry {
  const sources = structuredClone(testSources());
  sources.find((source) => source.path === 'programmes.json')!.data = programmes;
  return compileRegistry(sources);
}

function problemsWith(programmes: unknown): string[] {
  try {
    registryWith(programmes);
  } catch (error) {
    if (error instanceof RegistryBuildError) return error.problems;
    throw error;
  }
  return [];
}

const programmes = registryWith(shippedProgrammes()).programmes;
const link = (marketplace: string, key: string, url: string, from: Programmes = programmes) =>
  marketplaceReportLink({ marketplace: marketplace as Marketplace, key, url }, from);

describe('a link to the marketplace’s own report of a listing', () => {
  const cases: [Marketplace, string, string, string, boolean][] = [
    [
      'amazon',
      'amazon:B0TESTNIK1',
      'https://www.amazon.com/dp/B0TESTNIK1',
      'https://www.amazon.com/report/infringement',
      false,
    ],
    [
      'ebay',
      'ebay:204512345678',
      'https://www.ebay.com/itm/204512345678',
      'https://contact.ebay.com/ws/eBayISAPI.dll?ReportItem&itemid=204512345678',
      true,
    ],
    [
      'aliexpress',
      'aliexpress:1005001234567890',
      'https://www.aliexpress.com/item/1005001234567890.html',
      'https://ipp.alibabagroup.com/index.htm',
      false,
    ],
    [
      'alibaba',
      'alibaba:1600123456789',
      'https://www.alibaba.com/product-detail/_1600123456789.html',
      'https://ipp.alibabagroup.com/index.htm',
      false,
    ],
    [
      'walmart',
      'walmart:123456789',
      'https://www.walmart.com/ip/123456789',
      'https://brandportal.walmart.com/ipservices',
      true,
    ],
    [
      'etsy',
      'etsy:1234567890',
      'https://www.etsy.com/listing/1234567890',
      'https://www.etsy.com/listing/1234567890#report-overlay-trigger',
      true,
    ],
    [
      'temu',
      'temu:601099512345678',
      'https://www.temu.com/goods.html?goods_id=601099512345678',
      'https://www.temu.com/intellectual-property-policy.html',
      false,
    ],
    [
      'dhgate',
      'dhgate:887654321',
      'https://www.dhgate.com/product/item/887654321.html',
      'https://www.dhgate.com/helpbuyer/helpcenter.html',
      true,
    ],
    [
      'flipkart',
      'flipkart:COMGFB2GDBDYXF9D',
      'https://www.flipkart.com/product/p/itme?pid=COMGFB2GDBDYXF9D',
      'https://www.flipkart.com/pages/grievance-redressal-mechanism',
      true,
    ],
    [
      'mercadolibre',
      'mercadolibre:MLA-1234567890',
      'https://articulo.mercadolibre.com.ar/MLA-1234567890',
      'https://global-selling.mercadolibre.com/brandprotection/enforcement',
      false,
    ],
  ];

  it('covers every marketplace but the generic shop', () => {
    expect(cases.map(([marketplace]) => marketplace).sort()).toEqual(
      MARKETPLACES.filter((marketplace) => marketplace !== 'shop').sort(),
    );
  });

  it.each(cases)('%s: %s', (marketplace, key, url, expected, estimated) => {
    expect(link(marketplace, key, url)).toEqual({ url: expected, name: programmes[marketplace]!.name, estimated });
  });

  it('names the marketplace’s programme', () => {
    expect(link('ebay', 'ebay:204512345678', 'https://www.ebay.de/itm/204512345678')?.name).toBe(
      'eBay Verified Rights Owner (VeRO) Program',
    );
  });

  it('keeps the country site of the listing for {origin}', () => {
    expect(link('amazon', 'amazon:B0TESTNIK1', 'https://www.amazon.de/dp/B0TESTNIK1')?.url).toBe(
      'https://www.amazon.de/report/infringement',
    );
    expect(link('amazon', 'amazon:B0TESTNIK1', 'https://www.amazon.co.jp/dp/B0TESTNIK1?th=1')?.url).toBe(
      'https://www.amazon.co.jp/report/infringement',
    );
  });

  it('never puts a foreign host in the link: {origin} falls back to the default origin', () => {
    for (const url of [
      'https://www.amazon.de.evil.example/dp/B0TESTNIK1',
      'https://evilamazon.de/dp/B0TESTNIK1',
      'https://www.ebay.de/itm/B0TESTNIK1',
      'http://www.amazon.de/dp/B0TESTNIK1',
      'https://www.amazon.de:8443/dp/B0TESTNIK1',
      'https://user@www.amazon.de/dp/B0TESTNIK1',
    ]) {
      expect(link('amazon', 'amazon:B0TESTNIK1', url)?.url, url).toBe('https://www.amazon.com/report/infringement');
    }
  });

  it('encodes the id, so that it cannot add to the address', () => {
    expect(link('ebay', 'ebay:2045 123/4?x=1&y#z', 'https://www.ebay.com/itm/1')?.url).toBe(
      'https://contact.ebay.com/ws/eBayISAPI.dll?ReportItem&itemid=2045%20123%2F4%3Fx%3D1%26y%23z',
    );
    expect(link('etsy', 'etsy:../../evil.example', 'https://www.etsy.com/listing/1')?.url).toBe(
      'https://www.etsy.com/listing/..%2F..%2Fevil.example#report-overlay-trigger',
    );
    // A bare "." or ".." would be read as a step up the path.
    expect(link('etsy', 'etsy:..', 'https://www.etsy.com/listing/1')).toBeUndefined();
  });

  it('has none for a shop, an unknown marketplace or a key of another marketplace', () => {
    const withShop = {
      ...programmes,
      shop: { name: 'Shop', url: 'https://example.com/', listingReport: { url: 'https://example.com/report/{id}' } },
    } as Programmes;
    expect(link('shop', 'shop:example.com~TSH-0042', 'https://example.com/p/tsh-0042', withShop)).toBeUndefined();
    const withUnknown = {
      ...programmes,
      bestbuy: {
        name: 'Best Buy',
        url: 'https://www.bestbuy.com/',
        listingReport: { url: 'https://www.bestbuy.com/' },
      },
    } as Programmes;
    expect(link('bestbuy', 'bestbuy:6505727', 'https://www.bestbuy.com/site/6505727.p', withUnknown)).toBeUndefined();
    expect(link('toString', 'toString:1', 'https://example.com/')).toBeUndefined();
    expect(link('ebay', 'amazon:B0TESTNIK1', 'https://www.ebay.com/itm/1')).toBeUndefined();
    expect(link('ebay', 'ebay:', 'https://www.ebay.com/itm/1')).toBeUndefined();
    expect(link('ebay', 'ebay:1', 'https://www.ebay.com/itm/1', {})).toBeUndefined();
  });

  it('refuses, in the extension too, a template of a registry that was never compiled', () => {
    const listing = (url: string, at = 'https://www.ebay.com/itm/204512345678') =>
      link('ebay', 'ebay:204512345678', at, {
        ebay: { name: 'VeRO', url: 'https://www.ebay.com/', listingReport: { url } },
      } as Programmes);
    expect(listing('https://evil.example/report/{id}')).toBeUndefined();
    expect(listing('http://contact.ebay.com/ws/eBayISAPI.dll?ReportItem&itemid={id}')).toBeUndefined();
    expect(listing('https://contact.ebay.com/report/{item}')).toBeUndefined();
    expect(listing('https://{id}.evil.example/')).toBeUndefined();
    // {origin} without a default origin: only a listing on eBay itself gives one.
    expect(listing('{origin}/report/{id}')?.url).toBe('https://www.ebay.com/report/204512345678');
    expect(listing('{origin}/report/{id}', 'https://evil.example/itm/204512345678')).toBeUndefined();
  });
});

describe('the registry build', () => {
  const programme = (listingReport: object) => ({ name: 'Programme', url: 'https://example.com/', listingReport });

  it('accepts the shipped listing reports', () => {
    expect(problemsWith(shippedProgrammes())).toEqual([]);
  });

  it('refuses a template that is not https, has an unknown placeholder or leaves the marketplace', () => {
    expect(
      problemsWith({
        ebay: programme({ url: 'http://contact.ebay.com/ws/eBayISAPI.dll?ReportItem&itemid={id}' }),
        etsy: programme({ url: 'https://www.etsy.com/listing/{listing}' }),
        walmart: programme({ url: 'https://www.walmart.example/ip/{id}' }),
        temu: programme({ url: 'https://{id}.temu.com/' }),
        amazon: programme({ url: '{origin}/report/infringement' }),
        dhgate: programme({ url: 'https://www.dhgate.com/report', defaultOrigin: 'https://www.dhgate.com' }),
        shop: programme({ url: 'https://example.com/report/{id}' }),
      }),
    ).toEqual([
      'programmes.json: marketplace "ebay": listingReport.url: not an https address ("http://contact.ebay.com/ws/eBayISAPI.dll?ReportItem&itemid=204512345678")',
      'programmes.json: marketplace "etsy": listingReport.url: unknown placeholder {listing} (use {id} or {origin})',
      'programmes.json: marketplace "walmart": listingReport.url: www.walmart.example is not a host of walmart',
      'programmes.json: marketplace "temu": listingReport.url: {id} may not be part of the host',
      'programmes.json: marketplace "amazon": listingReport.defaultOrigin: required when the url uses {origin}',
      'programmes.json: marketplace "dhgate": listingReport.defaultOrigin: given, but the url does not use {origin}',
      'programmes.json: marketplace "shop": listingReport: shop has no hosts of its own to report a listing on',
    ]);
  });

  it('refuses a default origin off the marketplace or with a path, and {origin} inside the address', () => {
    expect(
      problemsWith({
        amazon: programme({ url: '{origin}/report/infringement', defaultOrigin: 'https://www.amazon.evil.example' }),
        ebay: programme({ url: '{origin}/help', defaultOrigin: 'https://www.ebay.com/' }),
        etsy: programme({ url: 'https://www.etsy.com/{origin}', defaultOrigin: 'https://www.etsy.com' }),
      }),
    ).toEqual([
      'programmes.json: marketplace "amazon": listingReport.defaultOrigin: not an https address on a host of amazon',
      'programmes.json: marketplace "ebay": listingReport.defaultOrigin: an origin alone, without a path or a slash (https://www.ebay.com)',
      'programmes.json: marketplace "etsy": listingReport.url: {origin} may only begin the address',
    ]);
  });
});

describe('the background’s index', () => {
  it('carries the programmes, through the stored form too, so a synced registry’s corrections apply', () => {
    const registry = registryWith(shippedProgrammes());
    expect(buildIndex(registry).programmes).toEqual(registry.programmes);
    // IndexedDB keeps the stored form as a structured clone.
    const stored = structuredClone(storeIndex(registry));
    expect(loadIndex(stored).programmes.ebay?.listingReport).toEqual({
      url: 'https://contact.ebay.com/ws/eBayISAPI.dll?ReportItem&itemid={id}',
      estimated: true,
    });
  });
});
