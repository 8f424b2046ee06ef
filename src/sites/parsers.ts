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
  /** A store link, "//es.aliexpress.com/store/1102158319" or "/store/21345678" → its number. */
  storeIdFromHref: (href: string) => {
    const match = href.match(/\/store\/(?:[^/?#]+\/)?(\d{3,20})(?:[/?#.]|$)/);
    return match?.[1] ?? '';
  },
  /** A Flipkart link, "/sellers?pid=COMGFB2GDBDYXF9D&fetchId=…" → its `pid=` product id. */
  pidFromHref: (href: string) => {
    const match = href.match(/[?&]pid=([A-Z0-9]{16})(?:[&#]|$)/);
    return match?.[1] ?? '';
  },
  /**
   * The ISO code a price text names by a prefix the price reader does not know:
   * "CN¥3.80-CN¥36.48" / "RMB 12" → "CNY"; "US $0.60-$5.76" → "USD"; anything else → "".
   */
  currencyCode: (text: string) => {
    if (/CN\s?[¥￥]|RMB|人民币/.test(text)) return 'CNY';
    if (/US\s?\$/.test(text)) return 'USD';
    return '';
  },
  /** eBay: "BrandHP" / "Marke: Nike" (a spec row's label and value run together) → "HP"; other rows → "". */
  ebayBrandRow: (text: string) =>
    text.match(/^(?:brand|marke|marque|marca|merk|marka)\s*:?\s*(\S.*)$/i)?.[1]?.trim() ?? '',
  /** eBay: "DISCOFRIEND (1106)" or "shop4u 99.5% positive (1.2K)" → the user name before the count or %. */
  ebaySellerName: (text: string) => text.match(/^([^\s$€£¥%+(]+)(?:\s*\(\s*\d|\s+\d[\d.,]*\s*%)/)?.[1] ?? '',
  /** eBay: "DISCOFRIEND (1,106)" → "1106"; "(1.2K)" → "1200": the feedback count in parentheses. */
  ebayFeedbackCount: (text: string) => {
    const match = text.match(/\(\s*(\d[\d.,]*)\s*([KkMm])?\s*\)/);
    if (!match?.[1]) return '';
    if (!match[2]) return match[1].replace(/[.,]/g, '');
    const scaled = Number(match[1].replace(',', '.')) * (/k/i.test(match[2]) ? 1000 : 1_000_000);
    return Number.isFinite(scaled) ? String(Math.round(scaled)) : '';
  },
  /** "99,5% positive Bewertungen" → "99.5": a percentage with either decimal mark; "" without one. */
  ebayPercent: (text: string) => text.match(/(\d{1,3}(?:[.,]\d+)?)\s*%/)?.[1]?.replace(',', '.') ?? '',
  /** eBay: a link to /usr/NAME or with _ssn=NAME → NAME (the seller's user id, never a /str/ store slug). */
  ebayUserFromHref: (href: string) => {
    const match = href.match(/(?:\/usr\/|[?&]_ssn=)([^/?&#]{1,100})/);
    if (!match?.[1]) return '';
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return '';
    }
  },
  /** eBay: a card title without the "New Listing" tag before it or "Opens in a new window or tab" after it. */
  ebayTitle: (text: string) =>
    text
      .replace(/^(?:new listing|neues angebot|nouvelle annonce|nuova inserzione|nuevo anuncio)\s*/i, '')
      .replace(/\s*(?:opens in a new window or tab|wird in neuem fenster oder tab geöffnet)$/i, '')
      .trim(),
  /** Mercado Libre's spoken price, "45999 pesos con 90 centavos" / "99 reais com 90 centavos" → "45999.90". */
  centavos: (text: string) => {
    const cents = text.match(/(\d[\d.]*)\D*?\s(?:con|com|y|e)\s+(\d{1,2})\s+centavos?/i);
    if (cents?.[1] && cents[2]) return `${cents[1]}.${cents[2].padStart(2, '0')}`;
    return text.match(/\d[\d.]*/)?.[0] ?? '';
  },
  /** Mercado Libre's seller line, "Por Kavu" / "Vendido por Kavu" → "Kavu". */
  porSeller: (text: string) => text.replace(/^(?:vendido\s+)?por\s+/i, '').trim(),
} satisfies Record<string, (text: string) => string>;

export type ParserName = keyof typeof parsers;
