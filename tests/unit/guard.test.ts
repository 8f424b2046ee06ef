import { describe, expect, it } from 'vitest';
import type { Listing } from '../../src/listing/listing';
import { check, type Sender } from '../../src/messaging/guard';
import type { ProtocolMap } from '../../src/messaging/protocol';

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
    expect(check('assessListings', [listing], contentScript, self)).toEqual({
      ok: true,
      data: [listing],
      tabId: 7,
      from: 'content',
    });
  });

  it('refuses a listing whose address is not http(s): it would become a link in the history', () => {
    const scripted = { ...listing, url: 'javascript:alert(1)' };
    expect(check('assessListings', [scripted], contentScript, self)).toMatchObject({ ok: false });
    expect(
      check('assessListings', [{ ...listing, url: 'http://www.amazon.com/dp/B0TESTNIK1' }], contentScript, self),
    ).toMatchObject({ ok: true });
  });

  it('accepts a tab query from an extension page', () => {
    expect(check('getTabAssessments', 7, popup, self)).toEqual({
      ok: true,
      data: 7,
      tabId: undefined,
      from: 'extension',
    });
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

describe('reporting message checks', () => {
  const id = '0123456789abcdef0123456789abcdef';
  const options = { id: 'cg-id', url: 'chrome-extension://cg-id/options.html' };

  it('accepts a report from a content script in a served page, for its own tab', () => {
    expect(check('reportListing', { key: listing.key }, contentScript, self)).toEqual({
      ok: true,
      data: { key: listing.key },
      tabId: 7,
      from: 'content',
    });
  });

  it('accepts a report from an extension page, naming the tab', () => {
    expect(check('reportListing', { key: listing.key, tabId: 7 }, popup, self)).toEqual({
      ok: true,
      data: { key: listing.key, tabId: 7 },
      tabId: undefined,
      from: 'extension',
    });
  });

  it.each<[string, unknown]>([
    ['markGenuine', { key: listing.key }],
    ['undoReport', id],
    ['holdReport', id],
    ['amendReport', { id, category: 'misleading', note: 'The logo is printed.' }],
    ['amendReport', { id }],
    ['releaseReport', id],
  ])('accepts %s from a served page and from an extension page', (type, data) => {
    const name = type as 'markGenuine';
    expect(check(name, data, contentScript, self)).toMatchObject({ ok: true, from: 'content', tabId: 7 });
    expect(check(name, data, popup, self)).toMatchObject({ ok: true, from: 'extension' });
  });

  it('accepts withdrawals and the history from extension pages only', () => {
    expect(check('withdrawReport', id, popup, self)).toMatchObject({ ok: true, data: id, from: 'extension' });
    expect(check('reportHistory', null, options, self)).toMatchObject({ ok: true, data: null, from: 'extension' });
    expect(check('withdrawReport', id, contentScript, self)).toEqual({
      ok: false,
      why: 'withdrawReport is not accepted from content',
    });
    expect(check('reportHistory', null, contentScript, self)).toEqual({
      ok: false,
      why: 'reportHistory is not accepted from content',
    });
  });

  it.each<[string, Sender]>([
    ['another extension’s content script', { ...contentScript, id: 'other-extension' }],
    ['another extension’s page', { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' }],
    ['another extension claiming our pages', { id: 'other-extension', url: popup.url }],
    ['a sender without an id', { url: popup.url }],
  ])('refuses reports from %s', (_who, sender) => {
    for (const [type, data] of [
      ['reportListing', { key: listing.key, tabId: 7 }],
      ['undoReport', id],
      ['withdrawReport', id],
      ['reportHistory', null],
    ] as const) {
      const result = check(type, data, sender, self);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.why).toMatch(/is not this extension$/);
    }
  });

  it.each<[string, Sender]>([
    ['a page the site rules do not serve', { ...contentScript, url: 'https://evil.example/dp/B0TESTNIK1' }],
    ['a frame inside a served page', { ...contentScript, frameId: 3 }],
    ['a sender without a url', { id: 'cg-id', tab: { id: 7 } }],
  ])('refuses reports from %s', (_who, sender) => {
    expect(check('reportListing', { key: listing.key }, sender, self).ok).toBe(false);
    expect(check('undoReport', id, sender, self).ok).toBe(false);
  });

  it.each<[string, keyof ProtocolMap, unknown]>([
    ['a malformed key', 'reportListing', { key: 'amazon:<script>' }],
    ['a key without a marketplace', 'reportListing', { key: 'B0TESTNIK1' }],
    ['a missing key', 'reportListing', { tabId: 7 }],
    ['a tab id of -1', 'reportListing', { key: listing.key, tabId: -1 }],
    ['a fractional tab id', 'markGenuine', { key: listing.key, tabId: 1.5 }],
    ['a tab id as text', 'markGenuine', { key: listing.key, tabId: '7' }],
    ['an unknown field', 'reportListing', { key: listing.key, note: 'hi' }],
    ['a note over 2000 characters', 'amendReport', { id, note: 'x'.repeat(2001) }],
    ['an unknown category', 'amendReport', { id, category: 'fake' }],
    ['an amendment without an id', 'amendReport', { category: 'other' }],
    ['an amendment with an unknown field', 'amendReport', { id, category: 'other', screenshot: 'x' }],
    ['a short id', 'undoReport', 'abc'],
    ['an id with other characters', 'withdrawReport', '0123456789abcdef/../../x'],
    ['an id that is not text', 'holdReport', 1234567890123456],
    ['a history request with data', 'reportHistory', { all: true }],
  ])('refuses %s, saying where', (_what, type, data) => {
    const sender = type === 'withdrawReport' || type === 'reportHistory' ? popup : contentScript;
    const result = check(type, data, sender, self);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.why).toMatch(new RegExp(`^${type} has the wrong shape at `));
  });

  it('takes a note of exactly 2000 characters', () => {
    const note = 'x'.repeat(2000);
    expect(check('amendReport', { id, category: 'counterfeit', note }, contentScript, self)).toMatchObject({
      ok: true,
      data: { id, category: 'counterfeit', note },
    });
  });
});
