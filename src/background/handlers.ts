import { browser } from 'wxt/browser';
import { PARTS } from '../content/parts';
import type { Marketplace } from '../listing/listing';
import { summarise } from '../matching/search';
import { assessAll } from '../risk/batch';
import { recordFallback, ruleHealthItem, sensitivityItem, validSensitivity } from '../settings/items';
import { rulesFor } from '../sites';
import { keyAtAddress } from '../sites/read';
import { announce } from './announce';
import { registerAudit } from './audit';
import { syncAnyShopScript } from './generic-reader';
import { createHandle } from './handle';
import { createUserOverrides } from './overrides';
import { createRegistryHolder, SYNC_ALARM } from './registry-holder';
import { reporterId, rotateReporterId } from './reporter-id';
import { registerReporting } from './reporting';
import { createSightings } from './sightings';
import { tabState } from './tab-state';
import { showSuspectCount } from './toolbar-count';

/**
 * Registers every listener of the service worker. Call it synchronously at top level: a
 * restarted worker receives the event that woke it only if its listener exists by then.
 */
export function registerBackground(): void {
  const handle = createHandle();
  const registry = createRegistryHolder();
  // Read once per worker and kept current, not read again for every batch of listings.
  let sensitivity = sensitivityItem.getValue().then(validSensitivity);
  sensitivityItem.watch((value) => {
    sensitivity = Promise.resolve(validSensitivity(value));
  });

  /**
   * The user said a listing is genuine, or took it back: every tab that holds it counts its
   * suspects again, and the pages following those tabs ask again.
   */
  async function retell(key: string): Promise<void> {
    const view = await overrides.current();
    for (const { id } of await browser.tabs.query({})) {
      if (id === undefined) continue;
      const suspects = await tabState.recount(id, key, view);
      if (!suspects) continue;
      announce('tabChanged', id);
      await showSuspectCount(id, suspects);
    }
  }
  const overrides = createUserOverrides((key) =>
    retell(key).catch((error) => console.warn('[counterfeit-guard] could not count the tabs again', error)),
  );
  const reporting = registerReporting(handle, registry, overrides);
  const sightings = createSightings();
  const audit = registerAudit(handle, registry, reporting, overrides, sightings);

  handle('assessListings', async ({ data: listings, tabId, sender }) => {
    const settings = { sensitivity: await sensitivity };
    const engine = assessAll(listings, await registry.index(), settings);
    const view = await overrides.current();
    const assessments = engine.map(view);
    if (tabId !== undefined) {
      // What the popup lists is kept for it, as the engine answered: what the user says of a
      // listing later applies as it is read. A failure to keep it (storage full) must not cost
      // the page its badges, which only need the assessments returned.
      const suspects = await tabState
        .add(
          tabId,
          listings.map((listing, i) => ({ listing, assessment: engine[i]! })),
          view,
        )
        .catch((error) => console.warn('[counterfeit-guard] could not keep the tab’s listings', error));
      if (suspects) {
        announce('tabChanged', tabId);
        await showSuspectCount(tabId, suspects).catch((error) =>
          console.warn('[counterfeit-guard] could not show the tab’s suspects', error),
        );
      }
      // The audit keeps the engine's own answer: the user's word is applied as it is read.
      await audit
        .observe(sender.url ?? '', listings, engine)
        .catch((error) => console.warn('[counterfeit-guard] audit', error));
    }
    return assessments;
  });

  handle('siteRules', async ({ anyShop, sender }) => {
    return rulesFor(sender.url ?? '', anyShop, await registry.sites()) ?? null;
  });

  handle('loadPart', async ({ data: part, tabId, sender }) => {
    if (tabId === undefined) return false;
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PARTS[part]] });
    return true;
  });

  handle('listingEnded', async ({ sender }) => {
    // The listing is the one the page's own address names, never one the message could name.
    const named = keyAtAddress(sender.url ?? '', (await registry.sites()).sites);
    if (named) await sightings.seen([named.key], 'ended');
  });

  handle('rulesFellBack', async ({ anyShop, sender }) => {
    const given = rulesFor(sender.url ?? '', anyShop, await registry.sites());
    // Only a marketplace's rules can be out of date: any other shop is read by the layers anyway.
    if (!given || given.generic) return;
    const host = new URL(sender.url!).hostname.replace(/^www\./, '');
    const marketplace = given.rules.marketplace as Marketplace;
    await ruleHealthItem.setValue(recordFallback(await ruleHealthItem.getValue(), marketplace, host, new Date()));
  });

  /** The tab's page no longer shows what was read before; pages following the tab ask again. */
  const forget = async (tabId: number) => {
    await tabState.clear(tabId);
    announce('tabChanged', tabId);
  };

  handle('reporterId', () => reporterId());
  handle('rotateReporterId', () => rotateReporterId());
  handle('clearRuleHealth', () => ruleHealthItem.setValue({}));

  handle('pageChanged', async ({ tabId }) => {
    if (tabId !== undefined) await forget(tabId);
  });

  handle('getTabAssessments', async ({ data: tabId }) => {
    const override = await overrides.current();
    return (await tabState.get(tabId)).map((entry) => ({ ...entry, assessment: override(entry.assessment) }));
  });

  handle('registryBrands', async () => {
    return (await registry.index()).brands.map(summarise);
  });

  handle('registryStatus', async () => {
    return registry.status();
  });

  handle('syncRegistry', async () => {
    return registry.sync();
  });

  // The registry syncs on install, on browser start when stale, and when its alarm rings.
  const logged = (work: Promise<unknown>) =>
    void work.catch((error) => console.warn('[counterfeit-guard] sync', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) logged(registry.sync());
  });
  browser.runtime.onInstalled.addListener(() => {
    logged(registry.sync());
    // The reporter id is made at install, so the options page can show it before any report.
    void reporterId();
  });
  browser.runtime.onStartup.addListener(() => logged(registry.syncIfStale()));

  // A tab that loads a new page or closes no longer shows what was read before.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') {
      void forget(tabId);
      void showSuspectCount(tabId, { high: 0, caution: 0 }).catch(() => undefined);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void forget(tabId));

  // The reader for other shops follows its permission, whenever and wherever that changes.
  const syncAnyShop = () => void syncAnyShopScript().catch((error) => console.warn('[counterfeit-guard]', error));
  browser.runtime.onInstalled.addListener(syncAnyShop);
  browser.runtime.onStartup.addListener(syncAnyShop);
  browser.permissions.onAdded.addListener(syncAnyShop);
  browser.permissions.onRemoved.addListener(syncAnyShop);
}
