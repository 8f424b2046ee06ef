// Reads a CSV/TSV export (a finds spreadsheet, a scraper's saved results) into listings.
// options:
//   columns: { ref?, title, price?, currency?, seller?, url?, marketplace?, brand?, condition? }: each a header
//            name (matched trimmed, case-insensitively), a 0-based column index, or an array of them whose non-empty
//            values are joined with a space (e.g. title: ["Brand", "Item"]);
//   delimiter?: "," | "\t" | ";" | "|" (default: whichever of these the header line holds most of);
//   headerRow?: 0-based index of the header record (default 0); header?: false when the file has none (columns are
//            then indexes, and data starts at headerRow);
//   priceDivisor?: divide every price by this (e.g. 100 for prices stored in cents);
//   pricePattern?: a regular expression whose first group is the price, read from the price column, or from the title
//            when no price column is named (e.g. "^h(\\d+)" for Yupoo albums whose titles start with a price code "h160");
//   inferCurrency?: false to ignore currency signs in the price (e.g. "¥" read as CNY where it means JPY).
// ref is the ref column's value when one is named, else the data row's 0-based index (blank records are counted
// too, so refs stay stable). Rows whose title is empty are left out.

/** RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks. */
function parseRecords(text, delimiter) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
    } else if (char === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function guessDelimiter(text) {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', '\t', ';', '|']) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

const CURRENCY_SIGNS = [
  [/US\$|USD|美元/i, 'USD'],
  [/R\$|BRL/i, 'BRL'],
  [/¥|￥|元|CNY|RMB/i, 'CNY'],
  [/€|EUR/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/₽|руб|RUB/i, 'RUB'],
  [/₺|TRY|\bTL\b/i, 'TRY'],
  [/₹|INR|\bRs\.?/i, 'INR'],
  [/฿|THB|บาท/i, 'THB'],
];

/** A price written any common way ("$12.99", "¥ 1,299", "12,50 €", "199-299") as a number, and its currency if written. */
export function parsePrice(value) {
  if (typeof value === 'number') return Number.isFinite(value) ? { price: value } : {};
  if (value === undefined || value === null) return {};
  const text = String(value).trim();
  const match = text.match(/\d[\d.,\s]*/);
  if (!match) return {};
  let digits = match[0].trim().replace(/\s/g, '');
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    digits = digits.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    digits = /^\d{1,3}(,\d{3})+$/.test(digits) ? digits.replace(/,/g, '') : digits.replace(/,/g, '.');
  } else if (/^\d{1,3}(\.\d{3}){2,}$/.test(digits)) digits = digits.replace(/\./g, '');
  digits = digits.replace(/[.,]+$/, '');
  const price = Number.parseFloat(digits);
  if (!Number.isFinite(price)) return {};
  const currency = CURRENCY_SIGNS.find(([sign]) => sign.test(text))?.[1];
  return currency ? { price, currency } : { price };
}

export default function extract(text, options = {}) {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = options.delimiter ?? guessDelimiter(body);
  const records = parseRecords(body, delimiter);
  const headerRow = options.headerRow ?? 0;
  const hasHeader = options.header !== false;
  const header = hasHeader ? (records[headerRow] ?? []).map((name) => name.trim().toLowerCase()) : [];
  const indexOf = (column) => {
    if (typeof column === 'number') return column;
    const index = header.indexOf(String(column).trim().toLowerCase());
    if (index < 0) throw new Error(`csv-columns: no column "${column}" in the header (${header.join(' | ')})`);
    return index;
  };
  const columns = Object.fromEntries(
    Object.entries(options.columns ?? {}).map(([key, spec]) => [
      key,
      (Array.isArray(spec) ? spec : [spec]).map(indexOf),
    ]),
  );
  const read = (record, key) => {
    if (!columns[key]) return undefined;
    const value = columns[key]
      .map((index) => (record[index] ?? '').trim())
      .filter(Boolean)
      .join(' ');
    return value === '' ? undefined : value;
  };
  const listings = [];
  const data = records.slice(hasHeader ? headerRow + 1 : headerRow);
  data.forEach((record, index) => {
    const title = read(record, 'title');
    if (!title) return;
    const listing = { ref: read(record, 'ref') ?? String(index), title };
    let priceText = read(record, 'price');
    if (options.pricePattern) priceText = (priceText ?? title).match(new RegExp(options.pricePattern))?.[1];
    const written = parsePrice(priceText);
    if (written.price !== undefined) listing.price = written.price / (options.priceDivisor ?? 1);
    const currency = read(record, 'currency') ?? (options.inferCurrency === false ? undefined : written.currency);
    if (currency) listing.currency = currency;
    for (const key of ['seller', 'url', 'marketplace', 'brand', 'condition']) {
      const value = read(record, key);
      if (value !== undefined) listing[key] = value;
    }
    listings.push(listing);
  });
  return listings;
}
