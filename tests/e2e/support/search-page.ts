import { amazonCardHtml, amazonSearchHtml } from '../../support/amazon-cards';

const STYLE = `<style>
  .s-main-slot { display: grid; grid-template-columns: repeat(4, 220px); gap: 12px; }
  .s-result-item { border: 1px solid #ddd; padding: 8px; }
  .s-product-image-container { height: 120px; background: #eee; }
</style>`;

/**
 * The generated tote-bag search page, able to grow the way infinite scroll does:
 * `window.growResults(n)` appends n more results in one go.
 */
export function searchPageHtml(initial: number): string {
  const grow = `<script>
  const amazonCardHtml = ${amazonCardHtml.toString()};
  let next = ${initial};
  window.growResults = (n) => {
    const html = [];
    for (let k = 0; k < n; k++) html.push(amazonCardHtml(next++));
    document.getElementById('results').insertAdjacentHTML('beforeend', html.join(''));
  };
</script>`;
  return amazonSearchHtml(initial, STYLE, grow);
}

export const SEARCH_URL = 'https://www.amazon.com/s?k=tote+bag';

/**
 * A search for Nike with real infinite scroll: `step` results at first, `step` more each time
 * the reader scrolls near the bottom, up to `total`.
 */
export function nikeSearchHtml(step: number, total: number): string {
  const scroll = `<script>
  const amazonCardHtml = ${amazonCardHtml.toString()};
  let next = ${step};
  addEventListener('scroll', () => {
    if (next >= ${total} || scrollY + innerHeight < document.body.scrollHeight - 300) return;
    const html = [];
    for (const end = Math.min(next + ${step}, ${total}); next < end; next++) html.push(amazonCardHtml(next, 'nike'));
    document.getElementById('results').insertAdjacentHTML('beforeend', html.join(''));
  });
</script>`;
  return amazonSearchHtml(Math.min(step, total), STYLE, scroll, 'nike');
}

/** `count` results that all invoke Nike (the cycle's replica, full-price and under-floor pairs). */
export function nikeOnlyHtml(count: number): string {
  const nike = [0, 1, 4];
  const indices = Array.from({ length: count }, (_, j) => nike[j % 3]! + 5 * Math.floor(j / 3));
  return amazonSearchHtml(count, STYLE, '', 'nike', indices);
}

/** Nike results, 40 at a time up to 120, as the audit e2e test scrolls them in. */
export const NIKE_SEARCH_URL = 'https://www.amazon.com/s?k=nike';
/** 2,000 results that all invoke Nike, on one page: a long audit session. */
export const NIKE_MANY_URL = 'https://www.amazon.com/s?k=nike+shoes';
/** A search that found nothing. */
export const EMPTY_SEARCH_URL = 'https://www.amazon.com/s?k=zzzz';
