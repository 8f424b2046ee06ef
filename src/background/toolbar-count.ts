import { browser } from 'wxt/browser';
import type { SuspectCount } from './tab-state';

/**
 * The toolbar button says how many suspect listings (High or Caution) the tab holds, where the
 * page cannot reach: a page that hides the badges with its own CSS cannot hide this. The number
 * is the warning; its tooltip words it for screen readers (the button's title).
 */
export async function showSuspectCount(tabId: number, { high, caution }: SuspectCount): Promise<void> {
  const suspect = high + caution;
  const text = suspect === 0 ? '' : suspect > 999 ? '999+' : String(suspect);
  await browser.action.setBadgeText({ tabId, text });
  if (suspect > 0) {
    // Red where one is High, amber otherwise; the count itself says it, the colour only adds.
    await browser.action.setBadgeBackgroundColor({ tabId, color: high > 0 ? '#b3261e' : '#8a5a00' });
    await browser.action.setTitle({
      tabId,
      title: browser.i18n.getMessage('action_title_suspects', [String(suspect)]),
    });
  } else await browser.action.setTitle({ tabId, title: browser.i18n.getMessage('extName') });
}
