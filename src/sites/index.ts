import { alibaba } from './alibaba';
import { aliexpress } from './aliexpress';
import { amazon } from './amazon';
import { dhgate } from './dhgate';
import { ebay } from './ebay';
import { etsy } from './etsy';
import { flipkart } from './flipkart';
import { mercadolibre } from './mercadolibre';
import { siteAt } from './read';
import type { SiteRules } from './rules';
import { shop } from './shop';
import { temu } from './temu';
import { walmart } from './walmart';

/** Every marketplace the reader knows, in the order they are tried. */
export const SITES: readonly SiteRules[] = [
  amazon,
  aliexpress,
  flipkart,
  alibaba,
  walmart,
  dhgate,
  temu,
  etsy,
  ebay,
  mercadolibre,
];

/** The reader for any other shop, by its schema.org data; used only where the user turns it on. */
export const SHOP: SiteRules = shop;

/** Every rule there is, for readers of saved pages (the command line, the tests). */
export const EVERY_SITE = { sites: SITES, generic: SHOP } as const;

/**
 * The rules a page at this address is read with: its marketplace's, or the generic reader's
 * where `anyShop` allows; undefined where the extension has no business reading. `rules` are
 * those of the registry in use (by default, the ones built in).
 */
export function rulesFor(
  href: string,
  anyShop: boolean,
  rules: { sites: readonly SiteRules[]; generic: SiteRules } = EVERY_SITE,
): { rules: SiteRules; generic: boolean } | undefined {
  const site = siteAt(href, { sites: rules.sites, generic: anyShop ? rules.generic : undefined });
  return site && { rules: site.rules, generic: site.rules === rules.generic };
}
