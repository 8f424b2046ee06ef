import type { SiteRules } from './rules';

/** Match patterns for the hosts a site's rules serve: the `www.` host and the bare one. */
export function matchPatterns(rules: SiteRules): string[] {
  return Object.keys(rules.hosts).flatMap((host) => [`https://www.${host}/*`, `https://${host}/*`]);
}
