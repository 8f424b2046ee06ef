/**
 * An element's text when it is short, undefined otherwise: read node by node and given up past
 * `max` characters (white space collapsed) or 40 text nodes, so that asking it of a big element
 * costs no more than asking it of a small one.
 */
export function shortText(element: Element, max: number): string | undefined {
  const walker = element.ownerDocument.createTreeWalker(element, 4);
  let text = '';
  let nodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Markup indents its text: runs of white space count as one.
    text += (node.nodeValue ?? '').replace(/\s+/g, ' ');
    if (text.length > max + 2 || ++nodes > 40) return undefined;
  }
  text = text.trim();
  return text.length > max ? undefined : text;
}

/** Letters and digits only, lower case: "Built-In USB-C" and "Built In USB C" are one name. */
export const bare = (text: string | null | undefined) => (text ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
