import { MARKETPLACES, type Marketplace } from './listing';

/** Names people write for the marketplaces, folded to letters only. */
const SPELLINGS: Record<string, Marketplace> = {
  mercadolivre: 'mercadolibre',
  mercadolibre: 'mercadolibre',
  ...Object.fromEntries(MARKETPLACES.map((id) => [id, id])),
};

/**
 * The marketplace a free-text name means ("eBay", "Mercado Libre Argentina", "amazon.co.uk"),
 * or undefined for a shop or channel the extension has no rules for.
 */
export function marketplaceNamed(text: string | undefined): Marketplace | undefined {
  if (!text) return undefined;
  const letters = text.toLowerCase().replace(/[^a-z]/g, '');
  const hit = Object.keys(SPELLINGS).find((name) => letters.startsWith(name));
  return hit ? SPELLINGS[hit] : undefined;
}
