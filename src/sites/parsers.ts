/**
 * The named parsers site rules may call, for text no selector can isolate. Rules name them;
 * they never carry code.
 */
export const parsers = {
  /** "Visit the Nike Store", "Brand: Nike", "by Nike", "Marke: Nike" → "Nike". */
  byline: (text: string) =>
    text
      .replace(/^(visit the|besuche den|visitez la boutique|visita lo store di|visita la tienda de)\s+/i, '')
      .replace(/\s+(store|shop|-store|-shop)$/i, '')
      .replace(/^(brand|marke|marque|marca|merk|märke|marka)\s*:\s*/i, '')
      .replace(/^by\s+/i, '')
      .trim(),
  /** "Ships from and sold by Amazon.com." / "Sold by Direct ChangM and Fulfilled by Amazon" → the seller. */
  soldBy: (text: string) => {
    const match = text.match(/sold by:?\s+(.+?)(?:\s+and\s+(?:fulfilled|shipped)\b|\s*\.(?:\s|$)|$)/i);
    return match?.[1]?.trim() ?? '';
  },
  /** A seller profile link → its `seller=` id. */
  sellerIdFromHref: (href: string) => {
    const match = href.match(/[?&]seller=([A-Z0-9]{5,20})(?:&|$)/);
    return match?.[1] ?? '';
  },
} satisfies Record<string, (text: string) => string>;

export type ParserName = keyof typeof parsers;
