import type { SiteRules } from './rules';

/** Match patterns for the hosts the rules serve: `*.host` covers the host and its subdomains. */
export function matchPatterns(sites: readonly SiteRules[]): string[] {
  return sites.flatMap((rules) => Object.keys(rules.hosts).map((host) => `https://*.${host}/*`));
}
