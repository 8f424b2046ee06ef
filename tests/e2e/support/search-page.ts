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
/** 2,000 results on one page (every fourth a high-risk bag): what the huge-page benchmark reads. */
export const BIG_SEARCH_URL = 'https://www.amazon.com/s?k=tote+bags+many';
export const BIG_COUNT = 2_000;
/** 10,000 results on one page: more than a tab keeps, so the newest stay and other tabs still work. */
export const HUGE_SEARCH_URL = 'https://www.amazon.com/s?k=tote+bags+all';
export const HUGE_COUNT = 10_000;
/** A search that found nothing. */
export const EMPTY_SEARCH_URL = 'https://www.amazon.com/s?k=zzzz';

/**
 * A marketplace result page in markup no site rule knows (class names that mean nothing, as a
 * redesigned or regional layout would have): only the reader's lower layers can read it.
 * Every fourth card is a replica of a registry brand.
 */
export function unknownLayoutHtml(count: number): string {
  const card = (i: number) =>
    i % 4 === 0
      ? `<div class="k7x"><a class="q1" href="/itm/${300000000000 + i}"><div class="m2"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="160" height="120" alt=""></div><span class="t9">Louis Vuitton Neverfull MM tote bag replica 1:1 mirror quality no. ${i}</span></a><div class="p3"><span class="v">$</span><span class="w">39</span><span class="w">.00</span></div></div>`
      : `<div class="k7x"><a class="q1" href="/itm/${300000000000 + i}"><div class="m2"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="160" height="120" alt=""></div><span class="t9">Plain canvas tote bag, natural cotton no. ${i}</span></a><div class="p3"><span class="v">$</span><span class="w">12</span><span class="w">.50</span></div></div>`;
  const style = `<style>.g0 { display: grid; grid-template-columns: repeat(4, 220px); gap: 12px; } .k7x { border: 1px solid #ddd; padding: 8px; height: 230px; position: relative; }</style>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tote bag | eBay</title>${style}</head><body><header><h1>Results for tote bag</h1></header><main><div class="g0">${Array.from({ length: count }, (_, i) => card(i)).join('')}</div></main></body></html>`;
}

/** A marketplace address whose page the rules cannot read (see `unknownLayoutHtml`). */
export const UNKNOWN_LAYOUT_URL = 'https://www.ebay.com/b/Tote-Bags/169291';
