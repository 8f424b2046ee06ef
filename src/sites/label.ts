import { LIST_BEFORE } from '../listing/price-words';
import { shortText } from './text';

/** Longest text a label is: a longer block before a price is content, not its label. */
const MAX_LABEL = 80;

/**
 * Whether the nearest text before a price's element, in its own block (up to four levels up: a
 * label cell in the same table row, a span before it), labels a reference price ("List Price:",
 * "lowest price of the last 30 days"): that amount is not what a shopper pays. Text without
 * words (the amount written twice, once for screen readers) is passed over.
 */
export function labelledAsReference(element: Element | null): boolean {
  for (let at = element, level = 0; at && level < 4; at = at.parentElement, level++) {
    for (let before = at.previousElementSibling; before; before = before.previousElementSibling) {
      const label = shortText(before, MAX_LABEL);
      if (label === undefined) return false;
      if (/\p{L}{2}/u.test(label)) return LIST_BEFORE.test(label);
    }
  }
  return false;
}
