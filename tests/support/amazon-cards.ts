/**
 * Results shaped like Amazon's search list (our own markup). Two themes:
 * - `tote`: every fourth is a "Louis Vuitton" bag far below its price floor (high risk), the
 *   rest unbranded bags;
 * - `nike`: a search for Nike, in a cycle of five: a replica pair at a replica's price, a
 *   genuine-looking pair at a full price, laces "for Nike", an unbranded sneaker, and a pair
 *   priced under the line's floor.
 * The function is self-contained so that a test page can carry its source and grow the list in
 * the browser.
 */
export function amazonCardHtml(i: number, theme: 'tote' | 'nike' = 'tote'): string {
  const asin = `B0${theme === 'nike' ? 'NKE' : 'GEN'}${String(i).padStart(5, '0')}`;
  let brand: string;
  let title: string;
  let price: string;
  if (theme === 'tote') {
    const lv = i % 4 === 0;
    brand = lv ? 'Louis Vuitton' : 'Plainwear';
    title = `${brand} tote bag no. ${i}`;
    price = lv ? '$89.00' : `$${10 + (i % 30)}.99`;
  } else {
    const kinds = [
      ['Nike', `Nike Air Force 1 '07 replica sneakers AAA quality no. ${i}`, '$29.00'],
      ['Nike', `Nike Air Max 90 Men's Running Shoe no. ${i}`, '$139.99'],
      ['Lacewell', `Replacement shoe laces for Nike Air Force 1, pack no. ${i}`, '$7.99'],
      ['Plainwear', `Plainwear canvas sneaker no. ${i}`, '$19.99'],
      ['Nike', `Nike Dunk Low Retro no. ${i}`, '$39.00'],
    ];
    [brand, title, price] = kinds[i % 5] as [string, string, string];
  }
  return (
    `<div class="s-result-item s-asin" data-asin="${asin}" data-component-type="s-search-result">` +
    `<div class="s-product-image-container"><a href="/dp/${asin}"><img class="s-image" alt="" src="data:,"></a></div>` +
    `<div data-cy="title-recipe"><h2 class="a-size-mini s-line-clamp-1"><span class="a-size-base-plus">${brand}</span></h2>` +
    `<a href="/dp/${asin}/ref=sr_1_${i}"><h2><span>${title}</span></h2></a></div>` +
    `<div data-cy="price-recipe"><span class="a-price"><span class="a-offscreen">${price}</span></span></div></div>`
  );
}

/** A search page of results `0 … count - 1`, or of the given result numbers (`indices`). */
export function amazonSearchHtml(
  count: number,
  extraHead = '',
  extraBody = '',
  theme: 'tote' | 'nike' = 'tote',
  indices: readonly number[] = Array.from({ length: count }, (_, i) => i),
): string {
  const cards = indices.map((i) => amazonCardHtml(i, theme)).join('\n');
  return `<!doctype html>
<html lang="en-US"><head><meta charset="utf-8"><title>Amazon.com : ${theme === 'nike' ? 'nike' : 'tote bag'}</title>${extraHead}</head>
<body><div class="s-main-slot s-result-list s-search-results" id="results">
${cards}
</div>${extraBody}</body></html>`;
}
