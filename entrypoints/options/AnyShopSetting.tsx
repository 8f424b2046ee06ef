import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorText } from '../../src/error-text';
import { t } from '../../src/ui/i18n';
import { SettingToggle } from './SettingToggle';

const ANY_SHOP = { origins: ['https://*/*'] };

type Status =
  | { kind: 'idle' }
  | { kind: 'saved'; on: boolean }
  | { kind: 'declined' }
  | { kind: 'error'; detail: string };

/**
 * The reader for any other shop, on exactly while its permission is granted: the browser asks
 * the user, and the background registers the script when the grant arrives.
 */
export function AnyShopSetting() {
  const [anyShop, setAnyShop] = useState<boolean | undefined>(undefined);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    const refresh = () => void browser.permissions.contains(ANY_SHOP).then(setAnyShop);
    refresh();
    // The user may change it in the browser's own extension settings too.
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  async function toggle(on: boolean) {
    try {
      // The request must come straight from the click, before anything else is awaited.
      const done = on ? await browser.permissions.request(ANY_SHOP) : await browser.permissions.remove(ANY_SHOP);
      if (on && !done) {
        setStatus({ kind: 'declined' });
        return;
      }
      setAnyShop(on);
      setStatus({ kind: 'saved', on });
    } catch (error) {
      setStatus({ kind: 'error', detail: errorText(error) });
    }
  }

  return (
    <>
      <SettingToggle
        id="any-shop"
        label={t('options_any_shop_label')}
        hint={t('options_any_shop_hint')}
        checked={anyShop}
        onChange={(on) => void toggle(on)}
      />
      <p class="cg-status" role="status">
        {status.kind === 'saved' && t(status.on ? 'options_any_shop_on' : 'options_any_shop_off')}
        {status.kind === 'declined' && t('options_any_shop_declined')}
        {status.kind === 'error' && t('options_error', [status.detail])}
      </p>
    </>
  );
}
