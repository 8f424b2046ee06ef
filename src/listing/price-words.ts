/**
 * The words shops put around an amount to say what it is, in the languages of the marketplaces
 * served. Each pattern is held against the few dozen characters beside an amount, so it stays cheap.
 */

const WORD_START = String.raw`(?:^|[^\p{L}])`;
const WORD_END = String.raw`(?![\p{L}])`;

/** The words end the text before an amount, perhaps with a colon: "Was: ", "ab ". */
function lastWords(words: string): RegExp {
  return new RegExp(String.raw`${WORD_START}(?:${words})\s?:?\s?$`, 'iu');
}

/** The words open the text after an amount: " off", " shipping". */
function firstWords(words: string): RegExp {
  return new RegExp(String.raw`^\s?(?:${words})${WORD_END}`, 'iu');
}

const FROM =
  'from(?: only| just)?|starting (?:at|from)|starts at|as low as|(?:schon )?ab|von|[àa] partir de|' +
  'a partire da|dès|desde|vanaf|od|da|от';

/** "from $10", "ab 12,99 €", "à partir de", "desde", "от 12 999 ₽": the amount is a low end. */
export const FROM_BEFORE = lastWords(FROM);

/** "3,980円から", "¥12.5起", "¥3,980～" or "$24.99+" with nothing after, "$10 and up": the amount is a low end. */
export const FROM_AFTER = /^\s?(?:から|起|[～〜~+]\s?$|(?:and|&) up(?![\p{L}]))/iu;

/** Nothing but a from-word before a bare number, or after it. */
export const BARE_BEFORE = new RegExp(String.raw`^(?:\s?(?:${FROM})\s?:?)?\s?$`, 'iu');
export const BARE_AFTER = /^(?:[\s.,:]*|\s?(?:から|起|[～〜~])\s?)$/u;

/** The struck list price: "Was $129.00", "List Price:", "UVP", "statt", "M.R.P.:", "De R$ 199,90 por…". */
export const LIST_BEFORE = new RegExp(
  String.raw`${WORD_START}(?:was|list(?: price)?|reg(?:ular(?: price)?)?\.?|rrp|uvp|statt|vorher|antes|avant|` +
    String.raw`typical(?: price)?|original price|compare at|m\.?r\.?p\.?|precio anterior|prix de référence|` +
    // The lowest price of the last 30 days, which EU shops must show beside a reduction.
    'lowest (?:recent )?price(?: in 30 days)?|prix récent le plus bas|prix le plus bas des 30 derniers jours|' +
    'niedrigster preis(?: der letzten 30 tage)?|precio más bajo(?: reciente| de los últimos 30 días)?|' +
    String.raw`prezzo più basso(?: recente| degli ultimi 30 giorni)?)\s?:?\s?$|^\s?de\s?$`,
  'iu',
);

/**
 * A saving or a deduction is not what the item costs: "You Save: $39.01", "-$5.00", "$5 off". A
 * dash with a space after it is punctuation ("Paperback - $12.99"), unless nothing comes before it.
 */
export const SAVING_BEFORE = new RegExp(
  `${WORD_START}(?:(?:you )?save|savings?|ahorr(?:a|as|o|e)|économisez|(?:sie )?sparen|spare|` +
    String.raw`risparmi(?:a|o)?|economize|economia|desconto|descuento|rabatt|remise)\s?:?\s?$|(?:^|\s)[-−‐–]$|^\s?[-−‐–]\s?$`,
  'iu',
);
export const SAVING_AFTER = firstWords('off|discount|de descuento|de desconto|de réduction|de remise|rabatt|günstiger');

/** Postage is not the price: "+ $5.99 shipping", "Delivery: £3.99". */
export const SHIPPING_BEFORE = new RegExp(
  String.raw`${WORD_START}(?:shipping|delivery|postage|envío|envio|frete|versand|livraison|p&p)\s?:?\s?$|(?<!\d)\+\s?$`,
  'iu',
);
export const SHIPPING_AFTER = firstWords(
  'shipping|delivery|postage|(?:de )?env[íi]o|(?:de )?frete|versand(?:kosten)?|(?:de )?livraison|p&p',
);

/**
 * Measures and periods a unit price is quoted per. The units shops sell by (piece, pack, lot,
 * set, pair) are left out: "US $3.50 / piece" on a wholesale site is the item's price.
 */
const UNITS =
  String.raw`fl\.?\s?oz|oz|ounces?|lbs?|pounds?|kgs?|kilos?|kilograms?|g|gr|grams?|mg|ml|cl|dl|l|lt|litres?|liters?|` +
  String.raw`m|cm|mm|m²|m2|sq\.?\s?(?:ft|m)|ft|yd|count|ct|sheets?|servings?|capsules?|tablets?|loads?|wash(?:es)?|` +
  'mo|months?|mes|mês|monat|mois|wk|weeks?|yr|years?|jahr|кг|г|л|мл';

/** "$5.00/oz", "(€7,98/kg)", "₹50/100 g", "£1.20 per 100ml", "$41.58/mo". */
export const UNIT_AFTER = new RegExp(
  String.raw`^\s?(?:\/|(?:per|pro|je|le|la|el|por)\s)\s?(?:\d+(?:[.,]\d+)?\s?)?(?:${UNITS})${WORD_END}`,
  'iu',
);

/** German base prices: "1 kg = 7,98 €". */
export const UNIT_BEFORE = new RegExp(String.raw`${WORD_START}(?:${UNITS})\s?=\s?$`, 'iu');

/** A parenthesised price per anything, after the item's own: "$12.48 ($6.24 / Pack)". */
export const OPEN_PARENTHESIS = /\(\s?$/;
export const PER_ANYTHING = /^\s?\//;

/** Between a bare count and an amount: "2 for $10", "3 für 10 €", "2/$5", "12x de R$ 10,00" (instalments). */
export const MULTI_BUY = /^\s?(?:for|für|pour|por|x|×|\/)(?:\s?de)?\s?$/iu;

/** An instalment: "4 interest-free payments of $12.50", "12 cuotas de $ 1.000", "10 parcelas de R$ 12,90". */
export const INSTALMENT_BEFORE = lastWords(
  'payments? of|instal?ments? of|cuotas?(?: sin interés)? de|parcelas?(?: sem juros)? de|mensualités de|raten (?:à|zu)|rate da',
);

/** Between the ends of a range: "$10 – $20", "EUR 12,99 bis EUR 19,99", "R$ 10,00 a R$ 20,00". */
export const RANGE_BETWEEN = /^\s?(?:[-‐‑‒–—−~〜～]|to|bis|à|a|al|au|até|hasta|до)\s?$/iu;
