import * as v from 'valibot';
import { KEY_TEMPLATES } from '../listing/key';
import { parsers } from './parsers';

/**
 * Site rules: everything the reader knows about a marketplace, as plain data. No functions,
 * so rules can travel inside the signed registry and be corrected without a release. Each
 * way of finding a value says what it should find (`finds`), so a broken rule can be told
 * from a changed page. A CSS pick is found by its text (or attribute): an element with
 * neither counts as absent, so marks shown only by an icon are read through `attr: 'class'`.
 */

const ParserNameSchema = v.picklist(Object.keys(parsers) as [keyof typeof parsers, ...(keyof typeof parsers)[]]);

const finds = v.pipe(v.string(), v.minLength(3));

/** A CSS selector inside the scope (the document, or the card), read as text or an attribute. */
const CssPickSchema = v.strictObject({
  css: v.string(),
  attr: v.optional(v.string()),
  parse: v.optional(ParserNameSchema),
  /** In a card's fields: look in the whole page rather than the card (a shop page's own name). */
  onPage: v.optional(v.literal(true)),
  /** Where the element is found (with text, or the attribute), the field takes this value, not the text. */
  value: v.optional(v.string()),
  finds,
});
/** A dotted path into the page's schema.org Product (JSON-LD or microdata): `offers.price`. */
const JsonLdPickSchema = v.strictObject({ jsonld: v.string(), parse: v.optional(ParserNameSchema), finds });
/** A dotted path into an embedded-JSON item (cards read from a page's own JSON). */
const JsonPickSchema = v.strictObject({ json: v.string(), parse: v.optional(ParserNameSchema), finds });
/** A `<meta property|name=…>` tag's content, such as `og:title` or `product:price:amount`. */
const MetaPickSchema = v.strictObject({ meta: v.string(), parse: v.optional(ParserNameSchema), finds });
/**
 * A value the rules state themselves, as the last fallback: what a marketplace's pages mean by
 * what they are (Amazon sells at fixed prices: no auctions, no quantity tiers). `finds` says why.
 */
const ValuePickSchema = v.strictObject({ value: v.string(), finds });

const PickSchema = v.union([CssPickSchema, JsonLdPickSchema, JsonPickSchema, MetaPickSchema, ValuePickSchema]);
export type Pick = v.InferOutput<typeof PickSchema>;

/** A field is an ordered list of fallbacks; the first that yields a value wins. */
const FieldSchema = v.array(PickSchema);
export type FieldRule = v.InferOutput<typeof FieldSchema>;

const FieldsSchema = v.strictObject({
  /** The listing id the key is made of; on product pages the URL usually gives it first. */
  id: v.optional(FieldSchema),
  title: FieldSchema,
  brand: v.optional(FieldSchema),
  price: v.optional(FieldSchema),
  /** The high end where the page states a range apart (an AggregateOffer's highPrice). */
  priceMax: v.optional(FieldSchema),
  /** An ISO code where the page states it apart from the price (JSON-LD priceCurrency). */
  currency: v.optional(FieldSchema),
  seller: v.optional(FieldSchema),
  sellerId: v.optional(FieldSchema),
  rating: v.optional(FieldSchema),
  ratingCount: v.optional(FieldSchema),
  image: v.optional(FieldSchema),
  /** Present when the marketplace marks the seller as the brand's official store. */
  official: v.optional(FieldSchema),
  /** Present on cards the marketplace marks as sponsored. */
  sponsored: v.optional(FieldSchema),
  /**
   * The item's condition as the page states it: the value must be one of the listing's
   * conditions (new, open_box, refurbished, used, parts), so picks parse the page's words with
   * `condition`; a pick whose value is none of them counts as absent.
   */
  condition: v.optional(FieldSchema),
  /**
   * What the price is (fixed, bid, start, range, tier), by the words beside it (`priceKind`,
   * `bids`, `minOrder`) or stated. An auction's or a tier's word wins; a price read as a range
   * is `range` whatever else is said; without a value the price has no kind.
   */
  priceKind: v.optional(FieldSchema),
  /**
   * On product pages, the texts of the reviews shown: every element (or every value of a path
   * with `*`, `review.*.reviewBody`) of the first fallback that yields any; at most 40, each cut
   * to 600 characters.
   */
  reviews: v.optional(FieldSchema),
});
export type Fields = v.InferOutput<typeof FieldsSchema>;

const PageKindSchema = v.picklist(['detail', 'search', 'store']);
export type PageKind = v.InferOutput<typeof PageKindSchema> | 'unknown';

/** Where a listing's JSON lives: a script whose text assigns it (`window.x = {…}`) or holds it whole. */
const EmbeddedSchema = v.strictObject({
  /** A selector for the script elements to look in. */
  script: v.string(),
  /** The assignment target before `=`, such as `window._dida_config_._init_data_`; absent: the whole text is JSON. */
  assigns: v.optional(v.string()),
  /** Dotted path to the array of items; `*` steps into every element of an array. */
  items: v.string(),
  finds,
});

export const SiteRulesSchema = v.strictObject({
  marketplace: v.pipe(v.string(), v.regex(/^[a-z]+$/)),
  /** Registrable hosts (no `www.`) → the currency a bare `$` or `¥` means there. */
  hosts: v.record(v.string(), v.pipe(v.string(), v.regex(/^[A-Z]{3}$/))),
  /** Where a site's country lives in the path (temu.com/uk/…): the currency a bare price means there. */
  pathCurrencies: v.optional(
    v.array(v.strictObject({ path: v.string(), currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)) })),
  ),
  /** Page kinds by path: a regular expression over the path and query; for detail pages its first group is the id. */
  pages: v.array(v.strictObject({ kind: PageKindSchema, path: v.string() })),
  /** The canonical listing URL: `{host}` and `{id}` are filled in; `{page}` is the page's own canonical address. */
  listingUrl: v.string(),
  /** The listing key after `marketplace:`; `{id}` by default, `{host}~{id}` where ids are only unique per shop. */
  listingKey: v.optional(v.picklist(KEY_TEMPLATES)),
  /** Which characters a listing id may hold; anything else is not this site's listing. */
  idPattern: v.string(),
  detail: v.optional(
    v.strictObject({
      /** The product's own JSON, where a page carries one (`json` picks read it): script, assignment, path to the object. */
      source: v.optional(
        v.strictObject({ script: v.string(), assigns: v.optional(v.string()), at: v.string(), finds }),
      ),
      fields: FieldsSchema,
      /**
       * Where the marketplace says the listing ended or was taken down (picks parse its words
       * with `ended`): looked at before the words any page shows where it has no product.
       */
      ended: v.optional(FieldSchema),
      /** Where the banner goes: the first element found; it is placed after the element's content. */
      badge: FieldSchema,
    }),
  ),
  cards: v.optional(
    v.strictObject({
      /** Each card of the main result list; carousels and recommendations must not match. */
      item: v.strictObject({ css: v.string(), finds }),
      /** Cards that are placeholders (skeletons, ads without a listing) match this and are skipped. */
      placeholder: v.optional(v.string()),
      fields: FieldsSchema,
      /** Where a card's pill goes, inside the card. */
      badge: FieldSchema,
    }),
  ),
  /** Cards that live only in the page's JSON (rendered by script later). */
  embeddedCards: v.optional(v.strictObject({ source: EmbeddedSchema, fields: FieldsSchema })),
});
export type SiteRules = v.InferOutput<typeof SiteRulesSchema>;
