/**
 * Title text → tokens the matcher can compare with registry names. Every name in the registry
 * goes through the same folding, so a title matches a name exactly when their tokens agree.
 */

export interface Token {
  /** Lower case, without accents or apostrophes; full-width forms already folded by NFKC. */
  text: string;
  /** The token as the title wrote it (after NFKC), for capitalisation and for showing. */
  raw: string;
  /** Chinese, Japanese or Korean run: matched by substring, since those titles use no spaces. */
  cjk: boolean;
  /** Written in capitals while it has letters ("FOSSIL"). */
  upper: boolean;
  /** Look-alike readings of a disguised token: Cyrillic or Greek letters, leetspeak. */
  alts?: readonly string[];
  /** Holds mask characters standing for letters ("g*cci"); each mask is a `*` in `text`. */
  masked?: boolean;
  /** Written against the previous token with nothing between ("インフェルノX"): part of one word. */
  glued?: boolean;
  /** Inside brackets (`[Premium Quality]`, `【原单】`): where sellers put tier and grade tags. */
  bracketed?: boolean;
  /** The parts of a word written in CamelCase or doubled ("OffWhite", "GUCCIGUCCI"), folded, when it has any. */
  parts?: readonly string[];
}

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const MASKS = '*•●✱★☆';
const TOKEN = new RegExp(
  String.raw`[${CJK}ー・]+|(?:(?![${CJK}])[\p{L}\p{N}\p{M}'’$@${MASKS}]|(?<=\p{N})[:.,/](?=\p{N}))+`,
  'gu',
);
const HAS_CJK = new RegExp(`[${CJK}]`, 'u');
const MASK = new RegExp(`[${MASKS}]`, 'gu');

/** Cyrillic and Greek letters drawn like Latin ones, as sellers use them to slip past filters. */
const CONFUSABLE: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ς: 'c',
};
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', $: 's', '@': 'a' };
const LATIN = /\p{Script=Latin}/u;
const OTHER_LETTER = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

const OPENING = /[[【〔〖「『{]/gu;
const CLOSING = /[\]】〕〗」』}]/gu;
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/** Splits a title into folded tokens. */
export function tokenise(title: string): Token[] {
  const tokens: Token[] = [];
  let end = 0;
  let depth = 0;
  const text = title.normalize('NFKC');
  for (const found of text.matchAll(TOKEN)) {
    const token = fold(found[0]);
    if (!token) continue;
    const between = text.slice(end, found.index);
    depth = Math.max(0, depth + count(between, OPENING) - count(between, CLOSING));
    if (found.index === end && tokens.length > 0) token.glued = true;
    if (depth > 0) token.bracketed = true;
    end = found.index + found[0].length;
    tokens.push(token);
  }
  return tokens;
}

/**
 * How a word glues a name together: CamelCase parts ("OffWhite" → off, white) or a doubled word
 * ("GUCCIGUCCI" → gucci). Sellers write names so to slip past filters that look for whole words.
 */
function partsOf(raw: string, text: string): string[] | undefined {
  if (text.length >= 6 && text.length % 2 === 0 && text.slice(0, text.length / 2) === text.slice(text.length / 2)) {
    return [text.slice(0, text.length / 2)];
  }
  const pieces = raw.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+/gu);
  if (!pieces || pieces.length < 2 || pieces.join('') !== raw) return undefined;
  return pieces.map((piece) => fold(piece)?.text ?? piece.toLowerCase());
}

/** A name as the matcher compares it: its folded tokens joined by single spaces. */
export function foldPhrase(text: string): string {
  return tokenise(text)
    .map((token) => token.text)
    .join(' ');
}

function fold(raw: string): Token | undefined {
  if (HAS_CJK.test(raw)) {
    const text = raw.replace(/・/g, '');
    return text ? { text, raw, cjk: true, upper: false } : undefined;
  }
  const trimmed = raw.replace(/^['’]+|['’]+$/g, '');
  if (!trimmed) return undefined;
  const text = trimmed
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .replace(/['’]/g, '');
  const masked = MASK.test(text);
  MASK.lastIndex = 0;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const token: Token = {
    text: masked ? text.replace(MASK, '*') : text,
    raw: trimmed,
    cjk: false,
    upper: letters.length >= 2 && trimmed === trimmed.toUpperCase() && trimmed !== trimmed.toLowerCase(),
  };
  if (masked) token.masked = true;
  const parts = /^[\p{L}\p{N}]+$/u.test(trimmed) ? partsOf(trimmed, token.text) : undefined;
  if (parts) token.parts = parts;
  const alts = lookAlikes(token.text, letters);
  if (alts.length > 0) token.alts = alts;
  return token;
}

/**
 * Readings of a token that disguises Latin letters: a word mixing scripts, a word made only of
 * Cyrillic or Greek look-alikes, or letters with digits and symbols standing in (n1ke, $upreme).
 */
function lookAlikes(text: string, letters: string): string[] {
  const alts: string[] = [];
  if (OTHER_LETTER.test(letters)) {
    const mixed = LATIN.test(letters);
    const mapped = [...text].map((char) => CONFUSABLE[char] ?? char).join('');
    if ((mixed || !OTHER_LETTER.test(mapped)) && mapped !== text) alts.push(mapped);
  }
  if (letters.length >= 2 && /[013457$@]/.test(text) && /^[\p{L}0-9$@*]+$/u.test(text) && /\p{L}/u.test(text)) {
    const read = (one: string) => [...text].map((char) => (char === '1' ? one : (LEET[char] ?? char))).join('');
    alts.push(read('i'));
    if (text.includes('1')) alts.push(read('l'));
  }
  return alts;
}
