import type { FieldRule } from './rules';

/**
 * The generic layers every marketplace's rules end with: what schema.org data (JSON-LD or
 * microdata) and Open Graph product tags say, for pages whose own markup says nothing.
 */

/** The condition in schema.org data or Open Graph: "https://schema.org/UsedCondition", "refurbished". */
export const SCHEMA_CONDITION: FieldRule = [
  {
    jsonld: 'offers.itemCondition',
    parse: 'condition',
    finds: 'the Offer condition in schema.org data, "https://schema.org/NewCondition" (DamagedCondition → parts)',
  },
  { jsonld: 'itemCondition', parse: 'condition', finds: 'a condition stated on the Product itself' },
  {
    meta: 'product:condition',
    parse: 'condition',
    finds: 'the Open Graph product condition, "new", "used", "refurbished"',
  },
  { meta: 'og:condition', parse: 'condition', finds: 'the older Open Graph condition tag' },
];

/** The review texts in schema.org data: JSON-LD `review[].reviewBody`, microdata `itemprop=reviewBody`. */
export const SCHEMA_REVIEWS: FieldRule = [
  { jsonld: 'review.*.reviewBody', finds: 'the text of each Review in the JSON-LD Product, "Love this mat! …"' },
  { jsonld: 'review.*.description', finds: 'the text of each Review where it is given as its description' },
  { css: '[itemprop="reviewBody"]', finds: 'the microdata review texts, <p itemprop="reviewBody">…' },
];
