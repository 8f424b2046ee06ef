/**
 * A pseudo-locale for finding truncation and hard-coded words: every English message with its
 * letters accented and 40 % more text, in brackets, so a word cut short, a box too narrow or a
 * word that skipped the messages shows at once. Placeholders ($BRAND$, $1) stay as they are.
 */
const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ď',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ü',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};
const FILLER = ['ŀóŕéɱ', 'íþšúɱ', 'ďóĺóŕ', 'šíţ', 'áɱéţ'];
const PLACEHOLDER = /(\$[A-Za-z_]+\$|\$\d+)/;

export function pseudoMessage(message: string): string {
  const parts = message.split(PLACEHOLDER);
  const shown = parts.filter((_, i) => i % 2 === 0).join('');
  const accented = parts.map((part, i) => (i % 2 ? part : [...part].map((ch) => ACCENTED[ch] ?? ch).join(''))).join('');
  const words: string[] = [];
  for (let length = 0, n = 0; length < shown.length * 0.4; n++) {
    const word = FILLER[n % FILLER.length]!;
    words.push(word);
    length += word.length + 1;
  }
  return `[${accented}${words.length ? ` ${words.join(' ')}` : ''}]`;
}

/** A messages.json turned into the pseudo-locale, placeholders and all else kept. */
export function pseudoMessages(json: string): string {
  const messages = JSON.parse(json) as Record<string, { message: string }>;
  for (const entry of Object.values(messages)) entry.message = pseudoMessage(entry.message);
  return `${JSON.stringify(messages, null, 2)}\n`;
}
