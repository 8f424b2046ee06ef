import * as v from 'valibot';
import { CurrencySchema, MarketplaceSchema } from '../listing/listing';
import { SiteRulesSchema } from '../sites/rules';

const Text = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120));
const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens'),
);
const Usd = v.pipe(v.number(), v.finite(), v.gtValue(0));
const Url = v.pipe(v.string(), v.url(), v.startsWith('https://'));

const PresenceSchema = v.strictObject({
  /** Whether the brand sells new goods on that marketplace at all (itself or through sellers it names). */
  sells: v.boolean(),
  /** Seller names (or store ids) the brand authorises there, as the marketplace prints them. */
  sellers: v.optional(v.array(Text)),
  /** True when only the sellers named may sell new goods of the brand there. */
  exclusive: v.optional(v.boolean()),
});

/** A product line famous enough to be copied by name (Speedy, Submariner, Air Jordan 1). */
const LineSchema = v.strictObject({
  name: Text,
  aliases: v.optional(v.array(Text)),
  category: Id,
  /** The name alone points to the brand (Submariner, AirPods); else it counts only beside the brand's name. */
  distinctive: v.optional(v.boolean()),
  /** The least a new genuine item of the line costs, in USD, where it is well above the category's. */
  floorUsd: v.optional(Usd),
  /**
   * What a new genuine item of the line or model usually sells for at retail, in USD, with where
   * that figure comes from and when: a replica sells at a small fraction of it.
   */
  retail: v.optional(
    v.strictObject({
      usd: Usd,
      source: v.pipe(v.string(), v.minLength(3), v.maxLength(300)),
      asOf: v.pipe(v.string(), v.regex(/^\d{4}(?:-\d{2})?$/, 'a year, or year-month')),
    }),
  ),
  /** The year the model came out, for goods whose value falls with age (a phone, a laptop). */
  released: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2100))),
});
export type Line = v.InferOutput<typeof LineSchema>;

export const BrandSchema = v.strictObject({
  id: Id,
  name: Text,
  /** Other names the brand is sold under, including its names in other scripts. */
  aliases: v.array(Text),
  /** Misspellings seen in listings: a listing that uses one is disguising the brand. */
  misspellings: v.array(Text),
  /** The name is also an ordinary word (Coach, Apple, Guess): it needs context before it counts. */
  ambiguous: v.optional(v.boolean()),
  domains: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/))), v.minLength(1)),
  /** The least a new genuine item costs, in USD, per product category. */
  floors: v.pipe(
    v.record(Id, Usd),
    v.check((floors) => Object.keys(floors).length > 0, 'name at least one category'),
  ),
  lines: v.optional(v.array(LineSchema)),
  presence: v.optional(v.record(MarketplaceSchema, PresenceSchema)),
  report: v.optional(v.strictObject({ url: v.optional(Url), email: v.optional(v.pipe(v.string(), v.email())) })),
  /** Paths of the fields that are estimates rather than published facts ("floors", "presence.ebay"). */
  estimated: v.optional(v.array(v.string())),
  notes: v.optional(v.string()),
});
export type Brand = v.InferOutput<typeof BrandSchema> & {
  /** The source file's group (luxury-fashion, watches …); set by the compiler. */
  group: string;
};

export const CategorySchema = v.strictObject({
  id: Id,
  /** Words that name the category in titles, in any language. */
  words: v.pipe(v.array(Text), v.minLength(1)),
  /**
   * An accessory or part for another product (a phone case, a watch band, a filter): a title
   * naming one is held only to the brand's own floor for it, never to the product's.
   */
  part: v.optional(v.boolean()),
  /** Goods whose value falls as newer models come out (phones, laptops): an old model is not priced as today's. */
  ages: v.optional(v.boolean()),
});
export type Category = v.InferOutput<typeof CategorySchema>;

const TERM_KINDS = [
  /** Says the item is a copy: replica, 1:1, super clone, 高仿. */
  'replica',
  /** A factory grade tag: AAA, 5A, 7AAA. */
  'grade',
  /** Says it only resembles the brand: inspired by, dupe, style. */
  'lookalike',
  /** Names the brand only to say what it fits: compatible with, case for, 适用. */
  'compatibility',
  /** Second hand: pre-owned, used, refurbished. */
  'used',
  /** Offers proof of origin: authentic with receipt. */
  'proof',
  /** Not the product itself: box only, dust bag, manual. */
  'part',
  /** Wholesale quantities: wholesale, lot of, 批发. */
  'bulk',
  /** A seller calling itself the brand's store: official store, flagship, 旗舰店. */
  'official',
  /** A buyer's review saying the item is not genuine: fake, not original, 假货. */
  'review_fake',
  /** A word that denies what follows it in a review ("not a fake"): not, no, nicht, 不是. */
  'negation',
  /** A smaller variant of a model (kids' sizes): held to the floor, not to the model's retail price. */
  'smaller',
] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export const TermSchema = v.pipe(
  v.strictObject({
    kind: v.picklist(TERM_KINDS),
    /** A phrase, matched on whole words after folding (or inside runs of Chinese or Japanese text). */
    term: v.optional(Text),
    /** Or a regular expression one word must match in full, after folding. */
    pattern: v.optional(v.pipe(v.string(), v.maxLength(200))),
    /** BCP 47 language of the term; "*" when it is used across languages. */
    lang: v.pipe(v.string(), v.regex(/^(?:\*|[a-z]{2,3})$/)),
    strength: v.optional(v.picklist(['strong', 'medium', 'weak'])),
    /** Counts only for brands of these groups (grade tags mean amperes on a charger). */
    groups: v.optional(v.array(Id)),
    /** Does not count when any of these words is in the title (AAA batteries). */
    unlessWith: v.optional(v.array(Text)),
    /**
     * Counts only written inside brackets (`[Premium Quality]`, `【顶级版本】`): a seller's tier tag,
     * not the same words describing an unbranded product.
     */
    bracketed: v.optional(v.literal(true)),
    /**
     * Counts even where no registry brand is named (replica, 1:1, 高仿): such wording is a
     * finding of its own. Only for terms whose honest uses `unlessWith` rules out.
     */
    alone: v.optional(v.literal(true)),
  }),
  v.check((term) => (term.term === undefined) !== (term.pattern === undefined), 'give exactly one of term and pattern'),
);
export type Term = v.InferOutput<typeof TermSchema>;

/**
 * Where a shopper reports one listing to the marketplace itself. `url` is a template: `{id}` is
 * the id part of the listing key (`ebay:204512345678` → `204512345678`), inserted URI-encoded;
 * `{origin}` is the listing address's origin (`https://www.amazon.de`) when that address is
 * https on one of the marketplace's hosts, else `defaultOrigin`. The compiler checks that the
 * address it makes is https on a host of that marketplace (src/reports/marketplace-link.ts).
 */
const ListingReportSchema = v.strictObject({
  url: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  /** What `{origin}` stands for when the listing's own address cannot give it; required with `{origin}`. */
  defaultOrigin: v.optional(Url),
  /** Not confirmed from the marketplace's own pages that the address is current and leads to its reporting. */
  estimated: v.optional(v.boolean()),
});
export type ListingReport = v.InferOutput<typeof ListingReportSchema>;

const CHANNEL_KINDS = [
  /** Purchasing-agent catalogues and spreadsheets, album sites, resale shops on Weidian, Taobao or 1688, chat-app catalogues: brands authorise no one there. */
  'replica',
  /** A retailer the brands supply, or an off-price outlet of genuine goods, where prices fall well under retail. */
  'authorised',
] as const;

/** A place listings are sold beyond the marketplaces the extension reads with site rules. */
export const ChannelSchema = v.strictObject({
  id: Id,
  name: Text,
  kind: v.picklist(CHANNEL_KINDS),
  /** Registrable hosts (no `www.`); a subdomain counts. */
  hosts: v.array(v.pipe(v.string(), v.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/))),
  /** Other names a listing's source may give (a spreadsheet's "platform" column). */
  names: v.optional(v.array(Text)),
  notes: v.optional(v.string()),
});
export type Channel = v.InferOutput<typeof ChannelSchema>;

/** SHA-256 (hex) of a listing key: the registry names reported listings by it, not by address. */
const LISTING_HASH = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
/** The most listings each list of reported ones may hold: the service caps them below this. */
const MAX_FLAGGED = 20_000;

export const RegistrySchema = v.strictObject({
  formatVersion: v.literal(1),
  /** Only grows: a synced copy must carry a higher version than the one held. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  currencies: v.strictObject({
    /** When the rates were taken; they are estimates for comparing prices with floors. */
    asOf: v.pipe(v.string(), v.isoDate()),
    /** Units of each currency per US dollar. */
    usdRates: v.record(CurrencySchema, v.pipe(v.number(), v.finite(), v.gtValue(0))),
    /**
     * Currencies that lose value so fast (high inflation) that a dated rate misleads: a listing
     * priced months ago looks far cheaper than it was. Prices in them count only when extreme.
     */
    volatile: v.optional(v.array(CurrencySchema)),
  }),
  /** Each marketplace's own programme for reporting infringing listings. */
  programmes: v.record(
    MarketplaceSchema,
    v.strictObject({
      name: Text,
      url: Url,
      estimated: v.optional(v.boolean()),
      listingReport: v.optional(ListingReportSchema),
    }),
  ),
  categories: v.array(CategorySchema),
  vocabulary: v.array(TermSchema),
  brands: v.array(v.strictObject({ ...BrandSchema.entries, group: Id })),
  /**
   * The site rules the content script reads pages with: a marketplace that changes its markup
   * is fixed by a registry update. (Which hosts are read is fixed by the extension's manifest.)
   */
  sites: v.strictObject({ marketplaces: v.array(SiteRulesSchema), shop: SiteRulesSchema }),
  /**
   * Everyday words one letter or two away from a brand's name ("collar" and Colmar): never read
   * as a misspelt brand. Made from dictionaries by `npm run registry:ordinary`.
   */
  ordinary: v.optional(v.array(v.pipe(v.string(), v.regex(/^[a-z]+$/)))),
  /** Sales channels beyond the marketplaces served: where brands sell no one, or sell through. */
  channels: v.optional(v.array(ChannelSchema)),
  /**
   * SHA-256 (hex) of listing keys that shoppers from several places reported and no brand
   * volunteer has judged yet: a Caution reason, never High on its own. Capped by the service.
   */
  flagged: v.pipe(v.array(LISTING_HASH), v.maxLength(MAX_FLAGGED)),
  /** Listings a brand volunteer, with a token for that brand, confirmed counterfeit. */
  confirmed: v.optional(
    v.pipe(
      v.array(v.strictObject({ key: LISTING_HASH, brand: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) })),
      v.maxLength(MAX_FLAGGED),
    ),
  ),
});
export type Registry = Omit<v.InferOutput<typeof RegistrySchema>, 'brands'> & { brands: Brand[] };
