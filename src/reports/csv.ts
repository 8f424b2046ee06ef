/**
 * A spreadsheet would run a cell starting with one of these (full-width forms included) as a
 * formula, also behind white space and invisible or direction marks it drops or does not show
 * (zero-width spaces and joiners, bidi embeddings, overrides and isolates, the word joiner, BOM).
 */
const FORMULA_START =
  /^[\s\u00A0\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV cell of hostile text: a leading formula character defused with an apostrophe, and
 * the cell then quoted (as OWASP advises for defused cells), as RFC 4180 quoting also does for
 * quotes, commas and line breaks.
 */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  const defused = FORMULA_START.test(text);
  if (defused) text = `'${text}`;
  return defused || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
