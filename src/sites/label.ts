import { LIST_BEFORE } from '../listing/price-words';

/**
 * Whether the nearest text before a price's element, in its own block (up to four levels up: a
 * label cell in the same table row, a span before it), labels a reference price ("List Price:",
 * "lowest price of the last 30 days"): that amount is not what a shopper pays. Text without
 * words (the amount written twice, once for screen readers) is passed over.
 */
export function labelledAsReference(element: Element | null): boolean {
  for (let at = element, level = 0; at && level < 4; at = at.parentElement, level++) {
    for (let before = at.previousElementSibling; before; before = before.previousElementSibling) {
      const label = (before.textContent ?? '').replace(/\s+/g, ' ').trim();
      // An amount alone (the same price again, for screen readers) is no label: look past it.
      if (/\p{L}{2}/u.test(label)) return label.length <= 80 && LIST_BEFORE.test(label);
    }
  }
  return false;
}
