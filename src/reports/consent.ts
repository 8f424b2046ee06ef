import { browser } from 'wxt/browser';

/**
 * What a report shares, in Firefox's data-collection categories: the listing's title, price and
 * seller, and a screenshot when turned on (website content); its address (browsing activity);
 * the reporter id, the registry and extension versions (technical data). Nothing is shared before
 * the person allows it, and Firefox asks them; Chromium has no such consent, and the options
 * page's preview shows there, as here, exactly what a report holds.
 */
export const REPORT_DATA = ['websiteContent', 'browsingActivity', 'technicalAndInteraction'];

type WithDataCollection = { data_collection?: string[] };

async function granted(): Promise<string[] | undefined> {
  const all = (await browser.permissions.getAll()) as WithDataCollection;
  return Array.isArray(all.data_collection) ? all.data_collection : undefined;
}

/** Whether this browser asks the person before an extension shares data (Firefox 140 and later). */
export async function asksConsent(): Promise<boolean> {
  return (await granted()) !== undefined;
}

/** Whether reports may leave the device: allowed by the person, or a browser that does not ask. */
export async function maySendReports(): Promise<boolean> {
  const held = await granted();
  return held === undefined || REPORT_DATA.every((kind) => held.includes(kind));
}

/** Asks the person, from a click of theirs: the browser shows its own consent prompt. */
export function askToSendReports(): Promise<boolean> {
  return browser.permissions.request({ data_collection: REPORT_DATA } as Parameters<
    typeof browser.permissions.request
  >[0]);
}
