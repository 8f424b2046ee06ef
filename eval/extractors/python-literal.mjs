// Reads a Python source file holding one dict/list literal (`response = {...}`, a mocked API answer) into listings.
// The literal is made JSON (True/False/None, single-quoted strings, trailing commas) and then read exactly as
// json-path reads JSON, with the same options: { items, fields, priceDivisor?, inferCurrency? }.
import jsonPath from './json-path.mjs';

/** The first bracketed literal of a Python file, turned into JSON text. */
export function pythonToJson(text) {
  const start = text.search(/[[{]/);
  if (start < 0) throw new Error('python-literal: no literal found');
  let out = '';
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'") {
      let value = '';
      for (i++; i < text.length && text[i] !== char; i++) {
        if (text[i] === '\\') {
          value += text[i + 1] === "'" ? "'" : text[i] + text[i + 1];
          i++;
        } else if (text[i] === '"') value += '\\"';
        else value += text[i];
      }
      out += `"${value}"`;
    } else if (char === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (/[A-Za-z_]/.test(char)) {
      let word = '';
      while (i < text.length && /\w/.test(text[i])) word += text[i++];
      i--;
      out += { True: 'true', False: 'false', None: 'null' }[word] ?? word;
    } else {
      out += char;
      if (char === '{' || char === '[') depth++;
      if (char === '}' || char === ']') depth--;
      if (depth === 0) break;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

export default function extract(text, options = {}) {
  return jsonPath(pythonToJson(text), options);
}
