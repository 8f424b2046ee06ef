/**
 * The structured data pages carry beside their markup: schema.org Product (JSON-LD and
 * microdata), meta tags, and JSON that scripts assign. Pure functions of a Document; every
 * parse failure reads as "absent", never as an exception.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const MAX_SCRIPT = 5_000_000;

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#]/, ''));
}

/** The page's schema.org Product (or ProductGroup), from JSON-LD first, then microdata. */
export function productData(document: Document): JsonObject | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT) continue;
    let parsed: Json;
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      continue;
    }
    const found = findProduct(parsed, 0);
    if (found) return found;
  }
  const scope = document.querySelector('[itemtype*="schema.org/Product" i]');
  return scope ? itemData(scope) : undefined;
}

function findProduct(node: Json, depth: number): JsonObject | undefined {
  if (depth > 6) return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findProduct(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(node)) return undefined;
  if (typesOf(node).some((type) => type === 'Product' || type === 'ProductGroup')) return node;
  // A Product may also sit inside a graph, a page's main entity, or an offer (eBay: WebPage →
  // mainEntity → offers → itemOffered).
  for (const key of ['@graph', 'mainEntity', 'itemOffered', 'offers']) {
    const inner = node[key];
    const found = inner === undefined ? undefined : findProduct(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * A microdata (`itemscope`/`itemprop`) or RDFa (`typeof`/`property`) item as the JSON-LD object it
 * stands for: each property of this item (not of an item nested in it) → its value, nested items kept.
 */
export function itemData(scope: Element, depth = 0): JsonObject {
  const item: JsonObject = {};
  const type = scope.getAttribute('itemtype') ?? scope.getAttribute('typeof');
  if (type) item['@type'] = type;
  for (const element of scope.querySelectorAll('[itemprop], [property]')) {
    // Only this item's own properties: the nearest item above the property is this one.
    if (element.parentElement?.closest('[itemscope], [typeof]') !== scope) continue;
    const names = (
      element.getAttribute('itemprop') ??
      element.getAttribute('property')?.replace(/^schema:/, '') ??
      ''
    ).split(/\s+/);
    for (const name of names) {
      if (!name || name in item) continue;
      item[name] =
        (element.hasAttribute('itemscope') || element.hasAttribute('typeof')) && depth < 4
          ? itemData(element, depth + 1)
          : (element.getAttribute('content') ??
            element.getAttribute('href') ??
            element.getAttribute('src') ??
            element.textContent?.replace(/\s+/g, ' ').trim() ??
            '');
    }
  }
  return item;
}

/**
 * A dotted path into JSON: `offers.price`, `brand.name`. Arrays are stepped into at their
 * first element that is not null; `*` instead collects every element (used for lists of items).
 */
export function atPath(node: Json | undefined, path: string): Json | undefined {
  let current: Json | undefined = node;
  for (const step of path.split('.')) {
    if (current === undefined || current === null) return undefined;
    if (Array.isArray(current) && step !== '*') current = current.find((element) => element !== null);
    if (step === '*') {
      if (!Array.isArray(current)) return undefined;
      continue;
    }
    if (!isObject(current)) return undefined;
    current = current[step];
  }
  return current;
}

/**
 * Every value a dotted path reaches, where `*` steps into every element of a list (a lone
 * object counts as a list of one): `review.*.reviewBody`. Other steps into a list take its
 * first element that is not null, as `atPath` does.
 */
export function allAt(node: Json | undefined, path: string, limit = 1000): Json[] {
  let current: Json[] = node === undefined ? [] : [node];
  for (const step of path.split('.')) {
    const next: Json[] = [];
    for (const value of current) {
      if (step === '*') {
        if (Array.isArray(value)) next.push(...value.filter((element) => element !== null));
        else if (value !== null) next.push(value);
        continue;
      }
      const inner = Array.isArray(value) ? value.find((element) => element !== null) : value;
      const found = isObject(inner) ? inner[step] : undefined;
      if (found !== undefined && found !== null) next.push(found);
    }
    current = next.slice(0, limit);
  }
  return current;
}

/** Every element an item path with `*` reaches, flattened: `data.list.*.items`. */
function itemsAt(node: Json | undefined, path: string): JsonObject[] {
  const [head, ...rest] = path.split('.*');
  const base = head ? atPath(node, head) : node;
  if (rest.length === 0) return Array.isArray(base) ? base.filter(isObject) : [];
  if (!Array.isArray(base)) return [];
  const tail = rest.join('.*').replace(/^\./, '');
  return base.flatMap((element) => (tail ? itemsAt(element, tail) : isObject(element) ? [element] : []));
}

export function metaContent(document: Document, name: string): string | undefined {
  const escaped = name.replace(/"/g, '');
  return (
    document.querySelector(`meta[property="${escaped}"], meta[name="${escaped}"]`)?.getAttribute('content') ?? undefined
  );
}

/**
 * The items of a result list that a page's script assigns (`window.x = {…};`) or holds whole.
 * Every assignment is tried in turn (pages often write `window.x = {};` before the real one),
 * and the first whose `items` path holds objects wins. Values are cut out by matching brackets
 * outside strings, so code after them does not matter.
 */
export function embeddedItems(
  document: Document,
  source: { script: string; assigns?: string | undefined; items: string },
): JsonObject[] {
  for (const script of document.querySelectorAll(source.script)) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT) continue;
    for (const start of valueStarts(text, source.assigns)) {
      const items = itemsAt(balancedJson(text, start), source.items);
      if (items.length > 0) return items;
    }
  }
  return [];
}

/** The object at `at` inside the JSON a page's script assigns or holds: a product page's own data. */
export function embeddedObject(
  document: Document,
  source: { script: string; assigns?: string | undefined; at: string },
): JsonObject | undefined {
  for (const script of document.querySelectorAll(source.script)) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT) continue;
    for (const start of valueStarts(text, source.assigns)) {
      const value = atPath(balancedJson(text, start), source.at);
      if (isObject(value)) return value;
    }
  }
  return undefined;
}

function* valueStarts(text: string, assigns: string | undefined): Generator<number> {
  if (!assigns) {
    yield 0;
    return;
  }
  for (let at = text.indexOf(assigns); at >= 0; at = text.indexOf(assigns, at + assigns.length)) {
    const rest = text.slice(at + assigns.length, at + assigns.length + 8);
    // An assignment, not a comparison or a read: `x = {`, never `x == ` or `x.y`.
    const match = rest.match(/^\s*=(?!=)/);
    if (match) yield at + assigns.length + match[0].length;
  }
}

function balancedJson(text: string, from: number): Json | undefined {
  let begin = from;
  while (begin < text.length && /\s/.test(text[begin] ?? '')) begin++;
  const open = text[begin];
  if (open !== '{' && open !== '[') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = begin; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) {
        try {
          return JSON.parse(text.slice(begin, i + 1)) as Json;
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}
