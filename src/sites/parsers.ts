/** A phrase list as one pattern anchored at the start of a text, ending where a word ends. */
const phrases = (list: readonly string[]) => new RegExp(`^(?:${list.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** Phrases anywhere in a text, each starting and ending where a word does. */
const anywhere = (list: readonly string[], unspaced: readonly string[] = []) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${list.join('|')})(?![\\p{L}\\p{N}])${unspaced.map((one) => `|${one}`).join('')}`,
    'iu',
  );

/** Words of a page that has nothing at its address (a 404 page), in the locales served. */
const NOT_FOUND_PHRASES = [
  '(?:item|page|product|listing) not found',
  "(?:can ?not|can['’]t|could not|couldn['’]t) be found",
  "we couldn['’]t find (?:that|this) page",
  'not a functioning page',
  'seite (?:wurde )?nicht gefunden',
  'page introuvable',
  'pagina non trovata',
  'página no encontrada',
  'página não encontrada',
  'страница не найдена',
];
const NOT_FOUND_UNSPACED = ['見つかりませんでした', '页面不存在', '商品不存在'];
const NOT_FOUND_WORDS = anywhere(NOT_FOUND_PHRASES, NOT_FOUND_UNSPACED);

/**
 * Words a marketplace shows where a listing has ended or was taken down, in the locales served,
 * or where nothing is at its address. Out of stock is not among them ("currently unavailable",
 * "ausverkauft"): that listing is still up.
 */
const ENDED_WORDS = anywhere(
  [
    ...NOT_FOUND_PHRASES,
    'this listing (?:has|was) ended',
    'bidding (?:has )?ended',
    '(?:item|listing|product|page) (?:is |has been |was )?(?:no longer available|removed)',
    'no longer available',
    'angebot (?:wurde|ist) beendet',
    'nicht mehr verfügbar',
    'annonce (?:est )?terminée',
    'vente est terminée',
    "n['’]est plus disponible",
    'inserzione (?:è )?terminata',
    'non è più disponibile',
    '(?:publicación|anuncio) (?:ha )?finalizad[oa]',
    'ya no está disponible',
    'anúncio (?:foi )?finalizado',
    'não está mais disponível',
    'больше не доступ(?:ен|на|но)',
    'снят с продажи',
  ],
  [...NOT_FOUND_UNSPACED, '出品(?:は)?終了', '販売終了', '已下架'],
);

/** A label some pages print before the condition: "Condition:", "Zustand:", "État :", "Estado:". */
const CONDITION_LABEL =
  /^(?:item condition|condition|artikelzustand|zustand|état de l'objet|état|etat|condizioni dell'oggetto|condizione|condizioni|estado del artículo|estado|condição|conditie|staat|stan|skick|durum|商品の状態|コンディション|状態)\s*[:：]?\s*/iu;

/** A grade some marketplaces put before the condition: "Excellent - Refurbished", "Sehr gut – Generalüberholt". */
const GRADE =
  '(?:(?:excellent|very good|good|acceptable|premium|hervorragend|sehr gut|gut|akzeptabel|excellent|très bon|tres bon|bon|correct|eccellente|ottimo|buono|accettabile|excelente|muy bueno|bueno|aceptable)\\s*[-–—:]\\s*)?';
const NEW_WORDS = '(?:new|neu|neuf|neuve|nuovo|nuova|nuevo|nueva|novo|nieuw|nowy)';

/**
 * The condition a page states, in the words of every locale the marketplaces serve, mapped to
 * the five the listing knows. Tried in this order, so "Used - Like New" is used, "Certified -
 * Refurbished" refurbished and "Neu: Sonstige" open box before any plain "new".
 */
const CONDITION_WORDS: readonly (readonly [string, RegExp])[] = [
  [
    'parts',
    phrases([
      'for parts(?: or not working)?',
      'parts only',
      'spares (?:or|and|&|/) ?repairs?',
      'als ersatzteil(?:\\s*/\\s*defekt)?',
      'nur ersatzteile',
      'defekt',
      'pour pi[eè]ces(?: détachées| detachees)?',
      'ne fonctionne pas',
      'per ricambi(?: o non funzionante)?',
      'solo ricambi',
      'non funzionante',
      'para piezas(?: o no funciona)?',
      'solo piezas',
      'para peças',
      'voor onderdelen',
      'na części',
      'reservdelar',
      'ジャンク',
    ]),
  ],
  [
    'refurbished',
    new RegExp(
      `^${GRADE}(?:(?:certified|manufacturer|seller)\\s*[-–—]?\\s*refurbished|refurbished|renewed(?: premium)?|restored(?: premium)?|remanufactured|reconditioned|(?:vom (?:hersteller|verkäufer) )?generalüberholt|generalueberholt|reconditionné|reconditionne|remis à neuf|ricondizionato|reacondicionado|recondicionado|restaurado|gereviseerd|odnowiony|renoverad|yenilenmiş|整備済み品?|再生品)(?![\\p{L}\\p{N}])`,
      'iu',
    ),
  ],
  [
    'open_box',
    phrases([
      'open[- ]box',
      'opened\\s*[-–—]\\s*never used',
      `${NEW_WORDS}\\s*[(:–—-]?\\s*(?:other|sonstige|autre|altro|otro|outro|overig|anders|inne)`,
      'new without (?:tags|box)',
      'new with defects',
      'neu ohne (?:etikett|karton)',
      'neu mit fehlern',
      'neuf sans (?:étiquette|boîte)',
      'nuovo senza (?:cartellino|scatola)',
      'nuevo sin (?:etiquetas?|caja)',
      'ouvert\\s*[-–—]\\s*jamais utilisé',
      'aperto\\s*[-–—]\\s*mai usato',
      'geöffnet\\s*[-–—]\\s*nie benutzt',
    ]),
  ],
  [
    'used',
    phrases([
      'used',
      'pre[- ]?owned',
      'pre[- ]?loved',
      'second[- ]hand',
      'like new',
      'gebraucht',
      'wie neu',
      "d'occasion",
      'occasion',
      'comme neuf',
      'usato',
      'come nuovo',
      'usado',
      'seminuevo',
      'como nuevo',
      'gebruikt',
      'tweedehands',
      'używany',
      'uzywany',
      'begagnad',
      'kullanılmış',
      'ikinci el',
      '中古',
    ]),
  ],
  [
    'new',
    phrases([
      'brand[- ]new',
      'brandneu',
      'new with (?:tags|box)',
      'neu mit etikett',
      NEW_WORDS,
      'nuevos?',
      'novos?',
      'nuovi',
      'yeni',
      '新品',
    ]),
  ],
];

/** schema.org's conditions, as a URL ("https://schema.org/UsedCondition") or a bare name. */
const SCHEMA_CONDITIONS: Record<string, string> = {
  newcondition: 'new',
  usedcondition: 'used',
  refurbishedcondition: 'refurbished',
  damagedcondition: 'parts',
};

function condition(text: string): string {
  const schema = text
    .trim()
    .match(/(?:^|[/#:])(\w+Condition)$/i)?.[1]
    ?.toLowerCase();
  if (schema) return SCHEMA_CONDITIONS[schema] ?? '';
  const stated = text.replace(CONDITION_LABEL, '').trim();
  return CONDITION_WORDS.find(([, words]) => words.test(stated))?.[0] ?? '';
}

/** The first part of a line whose parts are set apart by "·", "|" or "•": "Pre-Owned · Apple". */
function conditionLine(text: string): string {
  const part = text.split(/[·|•]/)[0]?.trim() ?? '';
  const found = CONDITION_WORDS.find(([, words]) => words.exec(part)?.[0].length === part.length);
  return found?.[0] ?? '';
}

/** Words that say an amount is an auction's bid, with the count of bids before them. */
const BID_COUNT =
  /^(\d[\d.,]*)\s*(?:bids?|gebote?|enchères?|encheres?|offert[ae]|pujas?|biedingen|bod|ofert[ay]?|bud)(?![\p{L}\p{N}])/iu;
const CURRENT_BID = phrases([
  'current bid',
  'winning bid',
  'aktuelles gebot',
  'enchère actuelle',
  'enchere actuelle',
  'offerta attuale',
  'offerta corrente',
  'puja actual',
  'huidig bod',
  'aktualna oferta',
]);
const STARTING_BID = phrases([
  'starting bid',
  'startpreis',
  'startgebot',
  'mise à prix',
  'enchère de départ',
  'prix de départ',
  'prezzo di partenza',
  'offerta iniziale',
  'base d.asta',
  'puja inicial',
  'precio de salida',
  'openingsbod',
  'startbod',
  'cena wywoławcza',
]);
const BUY_NOW = phrases([
  '(?:or )?buy it now',
  '(?:oder )?sofort-?kaufen',
  '(?:ou )?achat immédiat',
  '(?:o )?compralo subito',
  '(?:o )?¡?cómpralo ya!?',
  '(?:of )?direct kopen',
  '(?:lub )?kup teraz',
  'or best offer',
  'oder preisvorschlag',
  'ou offre directe',
  "o proposta d'acquisto",
  'o mejor oferta',
  'of bieden',
]);
/** "Min. order: 2 pieces", "50 Pieces (Min Order)", "MOQ 10", "Mindestbestellmenge: 5 Stück". */
const MIN_ORDER_BEFORE =
  /(?:min(?:imum)?\.?\s*order(?:\s*quantity)?|moq|mindestbestell(?:menge|ung)|commande min(?:imum|imale|\.)?|pedido m[ií]nimo|pedido m[ií]n\.|ordine minimo|quantidade m[ií]nima|最小起订量|起订量)\s*[:：]?\s*(\d[\d,.]*)/iu;
const MIN_ORDER_AFTER = /(\d[\d,.]*)\s*\p{L}*\.?\s*\(?\s*(?:min(?:imum)?\.?\s*order|moq)/iu;
/** A quantity tier's label: "2-49 pieces", "≥ 50 pieces", ">=1000 Stück"; its first number is the least order. */
const QUANTITY_TIER =
  /^(?:([≥>])=?\s*)?(\d[\d,.]*)\s*(?:[-–~]\s*\d[\d,.]*\s*)?(?:pieces?|pcs|units?|sets?|pairs?|stück|pièces?|pezzi|piezas|peças|件|个)(?![\p{L}])/iu;
/** A price range: "US $0.60-$5.76", "US $3.50 - 8.20 / piece", "$10.00 to $25.00". */
const RANGE = /\d\s*(?:-|–|—|~|to|bis|à|a)\s*[^\d\s]{0,6}\s*\d/iu;
const PER_PIECE = /\/\s*(?:piece|pc|pcs|unit|pair|set|lot|stück|pièce|pezzo|pieza|peça)\b/iu;
/** "from $12", "ab 12,99 €", "à partir de 9 €": the low end of variants' prices (a number must follow). */
const FROM = /^(?:from|starting at|ab|à partir de|a partir de|a partire da|desde|vanaf)\s*[^\d\s]{0,5}\s*\d/iu;

/** A count as printed, "1,000" / "1.000" (grouping) or "1.0" (a decimal). */
function count(text: string): number {
  return Number(text.replace(/[.,](?=\d{3}(?!\d))/g, '').replace(',', '.'));
}

function bids(text: string): string {
  const counted = text.match(BID_COUNT);
  if (counted?.[1]) return count(counted[1]) === 0 ? 'start' : 'bid';
  if (CURRENT_BID.test(text)) return 'bid';
  if (STARTING_BID.test(text)) return 'start';
  return '';
}

function minOrder(text: string): string {
  const stated = text.match(MIN_ORDER_BEFORE)?.[1] ?? text.match(MIN_ORDER_AFTER)?.[1];
  return stated && count(stated) > 1 ? 'tier' : '';
}

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
      // The pre-2022 item heading opens with a hidden label: "Details about  …".
      .replace(/^(?:details about|details zu|détails sur|dettagli su|detalles acerca de)\s+/i, '')
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
  /**
   * A condition the page states, in any locale served: "Brand New", "Pre-Owned", "Neu: Sonstige",
   * "Reconditionné", "Usado", "Renewed", "https://schema.org/UsedCondition" → new, open_box,
   * refurbished, used or parts. A label before it ("Condition:", "Zustand:") is skipped; the phrase
   * must open the text, so "Pre-Owned · New Balance" is used and a bare brand line is nothing.
   */
  condition,
  /**
   * A line that opens with the condition and nothing else before its first "·" or "|": "Pre-Owned ·
   * Apple iPad", "Nuevo | +1000 vendidos", "Excellent - Refurbished" → the condition; "New Balance ·
   * Men's" (a brand, not a condition) → "".
   */
  conditionLine,
  /** A spec row that must be the condition's: "Condition: Used", "ZustandGebraucht"; other rows → "". */
  conditionRow: (text: string) => (CONDITION_LABEL.test(text) ? condition(text) : ''),
  /**
   * Auction words: "0 bids" / "0 Gebote" → start (no bid yet, the amount is the opening bid);
   * "3 bids", "1 enchère", "5 offerte", "2 pujas", "Current bid:" → bid; "Starting bid:",
   * "Startpreis", "Mise à prix" → start; anything else → "".
   */
  bids,
  /**
   * What a price is, by the words beside it: auction words as `bids`; "Buy It Now", "Sofort-Kaufen",
   * "Achat immédiat", "or Best Offer" → fixed; a minimum order above one piece, a quantity tier
   * ("2-49 pieces") or a range per piece ("US $3.50 - 8.20 / piece") → tier; "from $12", "ab 12 €",
   * "$10.00+" → range; anything else → "".
   */
  priceKind: (text: string) => {
    const auction = bids(text);
    if (auction) return auction;
    if (BUY_NOW.test(text)) return 'fixed';
    if (minOrder(text)) return 'tier';
    const tier = text.match(QUANTITY_TIER);
    if (tier?.[2] && (tier[1] || count(tier[2]) > 1)) return 'tier';
    if (RANGE.test(text) && PER_PIECE.test(text)) return 'tier';
    if (FROM.test(text) || /\d\s*\+$/.test(text)) return 'range';
    return '';
  },
  /** A minimum order, "Min. order: 2 pieces", "50 Pieces(Min Order)" or a bare "50 Pieces" → tier above one piece. */
  minOrder: (text: string) => {
    if (minOrder(text)) return 'tier';
    const bare = text.match(/^(\d[\d,.]*)\s*\p{L}/u)?.[1];
    return bare && count(bare) > 1 ? 'tier' : '';
  },
  /**
   * A page's words that the listing ended or was removed: "This listing was ended by the seller",
   * "Dieses Angebot wurde beendet", "Page not found", "已下架" → ended; anything else → "".
   */
  ended: (text: string) => (ENDED_WORDS.test(text) ? 'ended' : ''),
  /** A page's words that nothing is at its address: "Page not found", "can not be found", "Seite nicht gefunden" → gone; else "". */
  notFound: (text: string) => (NOT_FOUND_WORDS.test(text) ? 'gone' : ''),
  /** On a wholesale site, a price range ("US $0.60-$5.76") is over order quantities → tier; a single price → "". */
  rangeIsTier: (text: string) => (RANGE.test(text) ? 'tier' : ''),
} satisfies Record<string, (text: string) => string>;
