import * as v from 'valibot';

/**
 * A listing's key: its marketplace, a colon, and the id the marketplace gives it (or
 * `host~id` where ids are unique only per shop). Made once by the site reader; reports, the
 * audit and the evidence formats read the id back from it.
 */
export const ListingKeySchema = v.pipe(v.string(), v.regex(/^[a-z]+:[A-Za-z0-9_.~-]{1,160}$/));

/** How a site's ids become keys: `{id}`, or `{host}~{id}` where an id is unique only on one host. */
export const KEY_TEMPLATES = ['{id}', '{host}~{id}'] as const;
type KeyTemplate = (typeof KEY_TEMPLATES)[number];

export function listingKey(marketplace: string, id: string, template: KeyTemplate = '{id}', host = ''): string {
  return `${marketplace}:${template.replace('{host}', host).replace('{id}', id)}`;
}

/** The id part of a key ("ebay:204512345678" → "204512345678"), when the key is of that marketplace. */
export function keyId(key: string, marketplace: string): string | undefined {
  const prefix = `${marketplace}:`;
  return key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
}
