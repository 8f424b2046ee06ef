/** Folds case, compatibility forms (full-width letters) and diacritics, and collapses spaces. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}
