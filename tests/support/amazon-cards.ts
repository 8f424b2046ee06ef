/**
 * Results shaped like Amazon's search list (our own markup). Every fourth is a "Louis
 * Vuitton" bag far below its price floor, which the registry rates high risk. The function
 * is self-contained so that a test page can carry its source and grow the list in the browser.
 */
export function amazonCardHtml(i: number): string {
  const lv = i % 4 === 0;
  const asin = `B0GEN${String(i).padStart(5, '0')}`;
  const brand = lv ? 'Louis Vuitton' : 'Plainwear';
  const price = lv ? '$89.00' : `$${10 + (i % 30)}.99`;
  return (
    `<div class="s-result-item s-asin" data-asin="${asin}" data-component-type="s-search-result">` +
    `<div class="s-product-image-container"><a href="/dp/${asin}"><img class="s-image" alt="" src="data:,"></a></div>` +
    `<div data-cy="title-recipe"><h2 class="a-size-mini s-line-clamp-1"><span class="a-size-base-plus">${brand}</span></h2>` +
    `<a href="/dp/${asin}/ref=sr_1_${i}"><h2><span>${brand} tote bag no. ${i}</span></h2></a></div>` +
    `<div data-cy="price-recipe"><span class="a-price"><span class="a-offscreen">${price}</span></span></div></div>`
  );
}

export function amazonSearchHtml(count: number, extraHead = '', extraBody = ''): string {
  const cards = Array.from({ length: count }, (_, i) => amazonCardHtml(i)).join('\n');
  return `<!doctype html>
<html lang="en-US"><head><meta charset="utf-8"><title>Amazon.com : tote bag</title>${extraHead}</head>
<body><div class="s-main-slot s-result-list s-search-results" id="results">
${cards}
</div>${extraBody}</body></html>`;
}
