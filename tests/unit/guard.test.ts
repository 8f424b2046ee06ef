import { describe, expect, it } from 'vitest';
import type { Listing } from '../../src/listing/listing';
import { check, type Sender } from '../../src/messaging/guard';

const self = { id: 'cg-id', origin: 'chrome-extension://cg-id/' };
const listing: Listing = {
  marketplace: 'amazon',
  key: 'amazon:B0TESTNIK1',
  url: 'https://www.amazon.com/dp/B0TESTNIK1',
  kind: 'detail',
  title: 'Shoe',
};
const contentScript: Sender = { id: 'cg-id', url: 'https://www.amazon.com/dp/B0TESTNIK1', frameId: 0, tab: { id: 7 } };
const popup: Sender = { id: 'cg-id', url: 'chrome-extension://cg-id/popup.html' };

describe('message checks', () => {
  it('accepts listings from a content script in a served page, with its tab', () => {
    expect(check('assessListings', [listing], contentScript, self)).toEqual({ ok: true, data: [listing], tabId: 7 });
  });

  it('accepts a tab query from an extension page', () => {
    expect(check('getTabAssessments', 7, popup, self)).toEqual({ ok: true, data: 7, tabId: undefined });
  });

  it.each<[string, Sender]>([
    ['another extension', { ...contentScript, id: 'other-extension' }],
    ['a page the site rules do not serve', { ...contentScript, url: 'https://evil.example/dp/B0TESTNIK1' }],
    ['a frame inside a served page', { ...contentScript, frameId: 3 }],
    ['a sender without a tab', { id: 'cg-id', url: 'https://www.amazon.com/dp/B0TESTNIK1', frameId: 0 }],
    ['an extension page', popup],
    ['a sender without a url', { id: 'cg-id' }],
  ])('refuses listings from %s', (_who, sender) => {
    const result = check('assessListings', [listing], sender, self);
    expect(result.ok).toBe(false);
  });

  it('refuses a tab query from a content script', () => {
    const result = check('getTabAssessments', 7, contentScript, self);
    expect(result).toEqual({ ok: false, why: 'getTabAssessments is not accepted from content' });
  });

  it.each<[string, unknown]>([
    ['not an array', listing],
    ['an empty list', []],
    ['a listing without a key', [{ ...listing, key: undefined }]],
    ['a key of the wrong form', [{ ...listing, key: 'amazon:<script>' }]],
    ['an unknown field', [{ ...listing, extra: 1 }]],
    ['a negative price', [{ ...listing, price: { amount: -1, currency: 'USD' } }]],
    ['an over-long title', [{ ...listing, title: 'x'.repeat(5000) }]],
    ['too many listings', Array.from({ length: 501 }, () => listing)],
    ['null', null],
  ])('refuses listings that are %s, saying where', (_what, data) => {
    const result = check('assessListings', data, contentScript, self);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.why).toMatch(/^assessListings has the wrong shape at /);
  });

  it('refuses a tab id that is not a whole number', () => {
    expect(check('getTabAssessments', '7', popup, self).ok).toBe(false);
    expect(check('getTabAssessments', -1, popup, self).ok).toBe(false);
  });
});
