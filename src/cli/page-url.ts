import { hostUnder } from '../listing/hosts';
import { SITES } from '../sites';
import type { SiteRules } from '../sites/rules';

/**
 * The address a saved page came from: its canonical link or og:url; failing those, the host its own links name most (a marketplace's first, then any other's),
 * and then only the host is known.
 */
export function savedPageUrl(document: Document, sites: readonly SiteRules[] = SITES): string | undefined {
  for (const selector of ['link[rel="canonical"]', 'meta[property="og:url"]']) {
    const element = document.querySelector(selector);
    const value = element?.getAttribute('href') ?? element?.getAttribute('content');
    if (value && /^https?:\/\//.test(value)) return value.replace(/^http:/, 'https:');
  }
  const counts = new Map<string, number>();
  const marketplaces = new Map<string, number>();
  const hosts = sites.flatMap((rules) => Object.keys(rules.hosts));
  for (const element of document.querySelectorAll('a[href], link[href], form[action]')) {
    const value = element.getAttribute('href') ?? element.getAttribute('action') ?? '';
    const hostname = value
      .match(/^(?:https?:)?\/\/([^/?#:]+)/)?.[1]
      ?.replace(/^www\./, '')
      .toLowerCase();
    if (!hostname?.includes('.')) continue;
    counts.set(hostname, (counts.get(hostname) ?? 0) + 1);
    const host = hostUnder(hostname, hosts);
    if (host) marketplaces.set(host, (marketplaces.get(host) ?? 0) + 1);
  }
  const most = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const host = most(marketplaces) ?? most(counts);
  return host ? `https://www.${host.replace(/^www\./, '')}/` : undefined;
}
