/**
 * An element's text when it is short, undefined otherwise: read node by node and given up past
 * `max` characters (white space collapsed) or 40 text nodes, so that asking it of a big element
 * costs no more than asking it of a small one.
 */
export function shortText(element: Element, max: number): string | undefined {
  const walker = element.ownerDocument.createTreeWalker(element, 4);
  let text = '';
  let nodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Markup indents its text: runs of white space count as one.
    text += (node.nodeValue ?? '').replace(/\s+/g, ' ');
    if (text.length > max + 2 || ++nodes > 40) return undefined;
  }
  text = text.trim();
  return text.length > max ? undefined : text;
}

/** Letters and digits only, lower case: "Built-In USB-C" and "Built In USB C" are one name. */
export const bare = (text: string | null | undefined) => (text ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Labels of an address that name no shop: www, m, com, co.uk's co, country codes. */
const NO_NAME = /^(?:www\d?|m|com?|net|org|shop|store|[a-z]{2})$/;

/** The names a shop's address gives it: "pt.aliexpress.com" → aliexpress; "item.rakuten.co.jp" → item, rakuten. */
export function siteNames(hostname: string): string[] {
  return hostname
    .toLowerCase()
    .split('.')
    .filter((label) => !NO_NAME.test(label));
}

/**
 * A product's name without the shop's own name that a page's title adds before or after it:
 * "… - AliExpress 509", "Amazon.com: …", "… | eBay", "… ｜ Rakuten". What is left must still be
 * a name (ten letters or more); otherwise the title stands.
 */
export function withoutSiteName(title: string, hostname: string): string {
  let cut = title;
  for (const name of siteNames(hostname)) {
    const shop = `${name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?:\\.[a-z]{2,3}){0,2}`;
    cut = cut
      .replace(new RegExp(`^\\s*${shop}\\s*[:|｜\\-–—·•]\\s*`, 'iu'), '')
      .replace(new RegExp(`\\s*[|｜\\-–—·•:]\\s*${shop}(?:\\s+\\d+)?\\s*$`, 'iu'), '');
  }
  return bare(cut).length >= 10 ? cut : title;
}
