import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerBackground } from '../../src/background/handlers';
import type { Listing } from '../../src/listing/listing';
import type { Sender } from '../../src/messaging/guard';
import { MESSAGES, type MessageName } from '../../src/messaging/messages';
import { removeAllListeners } from '../../src/messaging/protocol';
import { sensitivityItem } from '../../src/settings/items';

import { fixture, parseHtml } from '../support/fixtures';
import { deliver } from '../support/messages';
import { installPermissions } from '../support/permissions';
import { readListings } from '../support/read';

const ID = fakeBrowser.runtime.id;
const contentScript: Sender = { id: ID, url: 'https://www.amazon.com/dp/B0TESTLVB1', frameId: 0, tab: { id: 12 } };
const popup: Sender = { id: ID, url: fakeBrowser.runtime.getURL('/popup.html') };

const lvListing = (): Listing => {
  const [listing] = readListings(parseHtml(fixture('amazon/louis-vuitton-bag.html')), contentScript.url!);
  if (!listing) throw new Error('fixture unreadable');
  return listing;
};

describe('the background', () => {
  beforeEach(() => {
    // A fresh worker: no listeners, empty storage.
    removeAllListeners();
    fakeBrowser.reset();
    permissions = installPermissions();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    registerBackground();
  });
  let permissions: ReturnType<typeof installPermissions>;

  it('still answers with the assessments, for the badges, when keeping them for the popup fails', async () => {
    const set = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const { res } = await deliver('assessListings', [lvListing()], contentScript);
    expect(res).toMatchObject([{ key: 'amazon:B0TESTLVB1', level: 'high' }]);
    expect(set).toHaveBeenCalled();
    set.mockRestore();
  });

  it('assesses a page’s listings and keeps them for the popup', async () => {
    const { res } = await deliver('assessListings', [lvListing()], contentScript);
    expect(res).toMatchObject([{ key: 'amazon:B0TESTLVB1', level: 'high', brand: 'louis-vuitton' }]);

    const { res: entries } = await deliver('getTabAssessments', 12, popup);
    expect(entries).toMatchObject([{ listing: { key: 'amazon:B0TESTLVB1' }, assessment: { level: 'high' } }]);
  });

  it('applies the sensitivity the user sets, read once and followed as it changes', async () => {
    // Nike's own fixture: a caution at balanced (a price well under the line's floor).
    const [nike] = readListings(parseHtml(fixture('amazon/nike-third-party.html')), contentScript.url!);
    const levelNow = async () =>
      ((await deliver('assessListings', [nike], contentScript)).res as { level: string }[])[0]!.level;
    expect(await levelNow()).toBe('caution');
    await sensitivityItem.setValue('relaxed');
    expect(await levelNow()).toBe('none');
    await sensitivityItem.setValue('strict');
    expect(await levelNow()).toBe('caution');
  });

  it('keeps the tab’s assessments in session storage, so a restarted worker still has them', async () => {
    await deliver('assessListings', [lvListing()], contentScript);
    removeAllListeners();
    registerBackground();
    const { res } = await deliver('getTabAssessments', 12, popup);
    expect(res).toHaveLength(1);
  });

  it('adds batches from the same page together, each listing once, even when they arrive at once', async () => {
    const lv = lvListing();
    const other = { ...lv, key: 'amazon:B0TESTOTH1', url: 'https://www.amazon.com/dp/B0TESTOTH1' };
    await Promise.all([
      deliver('assessListings', [lv], contentScript),
      deliver('assessListings', [other], contentScript),
      deliver('assessListings', [lv], contentScript),
    ]);
    const { res } = await deliver('getTabAssessments', 12, popup);
    expect((res as { listing: Listing }[]).map((entry) => entry.listing.key).sort()).toEqual([
      'amazon:B0TESTLVB1',
      'amazon:B0TESTOTH1',
    ]);
  });

  it('forgets what a page held when it moves to another address without loading', async () => {
    await deliver('assessListings', [lvListing()], contentScript);
    expect((await deliver('pageChanged', null, contentScript)).err).toBeUndefined();
    expect((await deliver('getTabAssessments', 12, popup)).res).toEqual([]);
  });

  it('refuses and logs a message of the wrong shape, and keeps working', async () => {
    const refused = await deliver('assessListings', [{ key: 'amazon:B0TESTLVB1' }], contentScript);
    expect(refused.err?.message).toMatch(/^refused: assessListings has the wrong shape at 0\./);
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/refused assessListings/));

    const { res } = await deliver('assessListings', [lvListing()], contentScript);
    expect(res).toHaveLength(1);
  });

  it('answers every message the table lets anyone send, and checks each against the table first', async () => {
    const accepted = (Object.keys(MESSAGES) as MessageName[]).filter((name) => MESSAGES[name].from.length > 0);
    const stranger: Sender = { ...popup, id: 'another-extension' };
    for (const name of accepted) {
      const { err } = await deliver(name, null, stranger);
      expect(err?.message, name).toBe('refused: sender another-extension is not this extension');
    }
  });

  it('refuses listings sent from a page the site rules do not serve', async () => {
    const refused = await deliver('assessListings', [lvListing()], { ...contentScript, url: 'https://evil.example/' });
    expect(refused.err?.message).toMatch(/not accepted from an unknown context/);
    const { res } = await deliver('getTabAssessments', 12, popup);
    expect(res).toEqual([]);
  });

  it('asks the permissions API nothing for marketplace pages and its own pages', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains');
    await deliver('assessListings', [lvListing()], contentScript);
    await deliver('getTabAssessments', 12, popup);
    expect(contains).not.toHaveBeenCalled();
  });

  it('reads other shops only while the user grants it, and follows a revocation', async () => {
    const shopPage: Sender = { ...contentScript, url: 'https://luxoutlet-store.example/products/tote' };
    const listing: Listing = { ...lvListing(), marketplace: 'shop', key: 'shop:luxoutlet-store.example~T1' };
    expect((await deliver('assessListings', [listing], shopPage)).err?.message).toMatch(
      /not accepted from an unknown context/,
    );
    expect(permissions.scripts.size).toBe(0);

    await permissions.grant('https://*/*');
    await vi.waitFor(() => expect(permissions.scripts.get('any-shop')?.matches).toEqual(['https://*/*']));
    expect(permissions.scripts.get('any-shop')?.excludeMatches).toContain('https://*.amazon.com/*');
    expect((await deliver('assessListings', [listing], shopPage)).res).toHaveLength(1);

    await permissions.revoke('https://*/*');
    await vi.waitFor(() => expect(permissions.scripts.size).toBe(0));
    expect((await deliver('assessListings', [listing], shopPage)).err).toBeDefined();
  });

  it('forgets a tab’s listings when the tab loads another page or closes', async () => {
    await deliver('assessListings', [lvListing()], contentScript);
    await fakeBrowser.tabs.onUpdated.trigger(12, { status: 'loading' }, {} as never);
    await vi.waitFor(async () => expect((await deliver('getTabAssessments', 12, popup)).res).toEqual([]));

    await deliver('assessListings', [lvListing()], contentScript);
    await fakeBrowser.tabs.onRemoved.trigger(12, {} as never);
    await vi.waitFor(async () => expect((await deliver('getTabAssessments', 12, popup)).res).toEqual([]));
  });
});
