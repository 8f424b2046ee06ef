import { browser } from 'wxt/browser';
import { marketplaceMatches } from '../sites/matches';

/** What the user grants when turning on the reader for any other shop. */
export const ANY_SHOP = ['https://*/*'];
const SCRIPT_ID = 'any-shop';

export function anyShopGranted(): Promise<boolean> {
  return browser.permissions.contains({ origins: ANY_SHOP });
}

/**
 * Keeps the content script for other shops registered exactly while the permission is held.
 * The permission is the one source of truth: the user may revoke it in the browser's own
 * settings, and this runs again then.
 */
export async function syncAnyShopScript(): Promise<void> {
  const granted = await anyShopGranted();
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
  if (granted && !registered) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: ANY_SHOP,
        // Marketplaces have their own script from the manifest.
        excludeMatches: marketplaceMatches(),
        js: ['content-scripts/marketplace.js'],
        runAt: 'document_idle',
      },
    ]);
  } else if (!granted && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}
