import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/** The user's words for a message; the key itself if a locale lacks it, so gaps show. */
export function t(key: MessageKey, substitutions: ReadonlyArray<string | number> = []): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || 'en';
}
