/** A spreadsheet would run a cell starting with one of these (full-width forms included) as a formula. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

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
