import { amazonCardHtml, amazonSearchHtml } from '../../support/amazon-cards';

/**
 * The generated search page, able to grow the way infinite scroll does:
 * `window.growResults(n)` appends n more results in one go.
 */
export function searchPageHtml(initial: number): string {
  const style = `<style>
  .s-main-slot { display: grid; grid-template-columns: repeat(4, 220px); gap: 12px; }
  .s-result-item { border: 1px solid #ddd; padding: 8px; }
  .s-product-image-container { height: 120px; background: #eee; }
</style>`;
  const grow = `<script>
  const amazonCardHtml = ${amazonCardHtml.toString()};
  let next = ${initial};
  window.growResults = (n) => {
    const html = [];
    for (let k = 0; k < n; k++) html.push(amazonCardHtml(next++));
    document.getElementById('results').insertAdjacentHTML('beforeend', html.join(''));
  };
</script>`;
  return amazonSearchHtml(initial, style, grow);
}

export const SEARCH_URL = 'https://www.amazon.com/s?k=tote+bag';
