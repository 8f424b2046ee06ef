import { HOSTS } from '../listing/hosts';

/** Match patterns for every marketplace host: `*.host` covers the host and its subdomains. */
export function marketplaceMatches(): string[] {
  return Object.values(HOSTS).flatMap((hosts) => Object.keys(hosts).map((host) => `https://*.${host}/*`));
}
