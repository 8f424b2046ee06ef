// Reads JSON (or JSON Lines, or a JS file holding one array/object literal) into listings.
// options:
//   items: dotted path to the listings, "*" stepping into every element of an array (or value of an object),
//          e.g. "data.items", "pages.*.results", "*" (the root is the array), "" (the root is one listing);
//   fields: { ref?, title, price?, currency?, seller?, url?, marketplace?, brand?, condition? }: each a dotted path
//           inside one listing (numbers index arrays: "skus.0.price"), or an array of paths whose non-empty values are
//           joined with a space; the path "$key" is the listing's own key in its parent (array index or object key), and "" its
//           property named "" (a spreadsheet export's unnamed column);
//   priceDivisor?: divide every price by this (e.g. 100 for cents);
//   inferCurrency?: false to ignore currency signs in the price (e.g. "¥" read as CNY where it means JPY).
// ref is the ref field's value when one is named, else the listing's position ("3", or "2.5" under nested "*").
// Listings whose title is empty are left out.
import { parsePrice } from './csv-columns.mjs';

/** A JS literal made JSON: comments, unquoted keys, single-quoted strings and trailing commas. */
function relax(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'" || char === '`') {
      let value = '';
      for (i++; i < text.length && text[i] !== char; i++) {
        if (text[i] === '\\') {
          value += text[i] + text[i + 1];
          i++;
        } else if (text[i] === '"') value += '\\"';
        else if (text[i] === '\n') value += '\\n';
        else value += text[i];
      }
      out += `"${value.replace(/\\'/g, "'")}"`;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (char === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1 || text.length;
    } else out += char;
  }
  return out.replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":').replace(/,(\s*[}\]])/g, '$1');
}

/** Where the bracket opened at `start` closes (strings and comments skipped), else the text's end. */
function closingIndex(text, start) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'" || char === '`') {
      for (i++; i < text.length && text[i] !== char; i++) if (text[i] === '\\') i++;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (char === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1 || text.length;
    } else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length - 1;
}

function parse(text) {
  const body = text.replace(/^\uFEFF/, '').trim();
  try {
    return JSON.parse(body);
  } catch {}
  const lines = body.split(/\r?\n/).filter((line) => line.trim());
  if (lines.length > 1 && lines.every((line) => /^\s*[{[]/.test(line))) {
    try {
      return lines.map((line) => JSON.parse(line));
    } catch {}
  }
  const start = body.search(/[[{]/);
  if (start < 0) throw new Error('json-path: no JSON found');
  const literal = body.slice(start, closingIndex(body, start) + 1);
  try {
    return JSON.parse(literal);
  } catch {
    return JSON.parse(relax(literal));
  }
}

/** Every [position, key, value] the path reaches from `root`. */
function walk(root, path) {
  let reached = [[[], undefined, root]];
  for (const step of path === '' || path === undefined ? [] : String(path).split('.')) {
    const next = [];
    for (const [position, _key, value] of reached) {
      if (value === null || typeof value !== 'object') continue;
      if (step === '*') {
        for (const [childKey, child] of Object.entries(value)) next.push([[...position, childKey], childKey, child]);
      } else if (step in value) next.push([position, step, value[step]]);
    }
    reached = next;
  }
  return reached;
}

export default function extract(text, options = {}) {
  const root = parse(text);
  const listings = [];
  for (const [position, key, item] of walk(root, options.items ?? '')) {
    if (item === null || typeof item !== 'object') continue;
    const read = (field) => {
      const spec = options.fields?.[field];
      if (spec === undefined) return undefined;
      const values = (Array.isArray(spec) ? spec : [spec]).map((path) => {
        if (path === '$key') return key;
        if (path === '') return typeof item[''] === 'object' ? undefined : item[''];
        const found = walk(item, path)[0]?.[2];
        return found === null || typeof found === 'object' ? undefined : found;
      });
      const present = values.filter((value) => value !== undefined && String(value).trim() !== '');
      if (present.length === 0) return undefined;
      return present.length === 1 && typeof present[0] === 'number' ? present[0] : present.map(String).join(' ').trim();
    };
    const title = read('title');
    if (title === undefined || String(title).trim() === '') continue;
    const listing = { ref: String(read('ref') ?? (position.join('.') || '0')), title: String(title) };
    const written = parsePrice(read('price'));
    if (written.price !== undefined) listing.price = written.price / (options.priceDivisor ?? 1);
    const currency = read('currency') ?? (options.inferCurrency === false ? undefined : written.currency);
    if (currency) listing.currency = String(currency);
    for (const field of ['seller', 'url', 'marketplace', 'brand', 'condition']) {
      const value = read(field);
      if (value !== undefined) listing[field] = String(value);
    }
    listings.push(listing);
  }
  return listings;
}
