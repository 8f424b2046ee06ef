/**
 * A generated Amazon-like search page (our own markup, shaped like the live result list) that
 * can grow the way infinite scroll does: `window.growResults(n)` appends n more results.
 * Every fourth result is a "Louis Vuitton" bag far below its price floor (→ high risk).
 */
export function searchPageHtml(initial: number): string {
  return `<!doctype html>
<html lang="en-US"><head><meta charset="utf-8"><title>Amazon.com : tote bag</title>
<style>
  .s-main-slot { display: grid; grid-template-columns: repeat(4, 220px); gap: 12px; }
  .s-result-item { border: 1px solid #ddd; padding: 8px; }
  .s-product-image-container { height: 120px; background: #eee; }
</style></head>
<body>
<div class="s-main-slot s-result-list s-search-results" id="results"></div>
<script>
  let next = 0;
  function result(i) {
    const lv = i % 4 === 0;
    const asin = 'B0GEN' + String(i).padStart(5, '0');
    const brand = lv ? 'Louis Vuitton' : 'Plainwear';
    const price = lv ? '$89.00' : '$' + (10 + (i % 30)) + '.99';
    const div = document.createElement('div');
    div.className = 's-result-item s-asin';
    div.dataset.asin = asin;
    div.dataset.componentType = 's-search-result';
    div.innerHTML =
      '<div class="s-product-image-container"><a href="/dp/' + asin + '"><img class="s-image" alt="" src="data:,"></a></div>' +
      '<div data-cy="title-recipe"><h2 class="a-size-mini s-line-clamp-1"><span class="a-size-base-plus">' + brand + '</span></h2>' +
      '<a href="/dp/' + asin + '"><h2><span>' + brand + ' tote bag no. ' + i + '</span></h2></a></div>' +
      '<div data-cy="price-recipe"><span class="a-price"><span class="a-offscreen">' + price + '</span></span></div>';
    return div;
  }
  window.growResults = (n) => {
    const fragment = document.createDocumentFragment();
    for (let k = 0; k < n; k++) fragment.append(result(next++));
    document.getElementById('results').append(fragment);
  };
  window.growResults(${initial});
</script>
</body></html>`;
}

export const SEARCH_URL = 'https://www.amazon.com/s?k=tote+bag';
