import { SITES } from '../sites';
import type { SiteRules } from '../sites/rules';

/**
 * The address a saved page came from: its canonical link or og:url, and failing that the
 * marketplace host its own links mention most (then only the host is known).
 */
export function savedPageUrl(document: Document, sites: readonly SiteRules[] = SITES): string | undefined {
  for (const selector of ['link[rel="canonical"]', 'meta[property="og:url"]']) {
    const element = document.querySelector(selector);
    const value = element?.getAttribute('href') ?? element?.getAttribute('content');
    if (value && /^https?:\/\//.test(value)) return value.replace(/^http:/, 'https:');
  }
  const counts = new Map<string, number>();
  const hosts = sites.flatMap((rules) => Object.keys(rules.hosts));
  for (const element of document.querySelectorAll('a[href], link[href], form[action]')) {
    const value = element.getAttribute('href') ?? element.getAttribute('action') ?? '';
    const hostname = value.match(/^(?:https?:)?\/\/([^/?#]+)/)?.[1]?.replace(/^www\./, '');
    if (!hostname) continue;
    const host = hosts.find((candidate) => hostname === candidate || hostname.endsWith(`.${candidate}`));
    if (host) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? `https://www.${best[0]}/` : undefined;
}
