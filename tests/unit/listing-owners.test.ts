import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { hostUnder, marketplaceAt, sellingHosts } from '../../src/listing/hosts';
import { keyId, ListingKeySchema, listingKey } from '../../src/listing/key';

describe('the listing key', () => {
  it('is made and read back by the same owner', () => {
    const key = listingKey('shop', '12', '{host}~{id}', 'example.com');
    expect(key).toBe('shop:example.com~12');
    expect(v.is(ListingKeySchema, key)).toBe(true);
    expect(keyId(key, 'shop')).toBe('example.com~12');
    expect(keyId(listingKey('ebay', '2045'), 'ebay')).toBe('2045');
  });

  it('gives no id for another marketplace, nor for a name that only starts the same', () => {
    expect(keyId('ebay:2045', 'amazon')).toBeUndefined();
    expect(keyId('ebayx:2045', 'ebay')).toBeUndefined();
  });
});

describe('hosts', () => {
  it('finds the longest host an address lies under, not one it merely ends with', () => {
    expect(hostUnder('www.amazon.com.mx', ['amazon.com', 'amazon.com.mx'])).toBe('amazon.com.mx');
    expect(hostUnder('notamazon.com', ['amazon.com'])).toBeUndefined();
    expect(hostUnder('ES.AliExpress.com', ['aliexpress.com'])).toBe('aliexpress.com');
  });

  it('names the marketplace of an http(s) address and nothing for other schemes or shops', () => {
    expect(marketplaceAt('https://m.ebay.de/itm/1')).toEqual({ marketplace: 'ebay', host: 'ebay.de' });
    expect(marketplaceAt('ftp://www.ebay.de/')).toBeUndefined();
    expect(marketplaceAt('https://shop.example/')).toBeUndefined();
    expect(marketplaceAt('not an address')).toBeUndefined();
    expect(sellingHosts('shop')).toEqual([]);
    expect(sellingHosts('walmart')).toContain('walmart.ca');
  });
});
