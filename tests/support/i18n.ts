import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalogueMessage } from '../../src/words/english';

/** fakeBrowser leaves i18n unimplemented; tests that render words install the real catalogue. */
export function installI18n(): void {
  fakeBrowser.i18n.getMessage = catalogueMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
}
