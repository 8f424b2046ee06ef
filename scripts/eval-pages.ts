// `npm run eval:pages [-- --set tune --misses --layers-only]`: how the reader does on real saved
// pages, per set; with --misses, each page it gets wrong (refused for the test part, which is never
// tuned on); with --layers-only, the layers under the rules alone, as on a layout no rule knows.
import { parseArgs } from 'node:util';
import {
  countRight,
  kindRight,
  type PageSet,
  pageCases,
  priceErrors,
  priceRight,
  readCase,
  scorePages,
  shown,
  titleErrors,
  titleRight,
} from '../src/cli/page-eval';

const { values } = parseArgs({
  options: { set: { type: 'string', multiple: true }, misses: { type: 'boolean' }, 'layers-only': { type: 'boolean' } },
});
const sets = (values.set ?? ['shared', 'tune', 'test']) as PageSet[];
if (values.misses && sets.includes('test')) {
  console.error('--misses is for the shared set and the tuning part: the test part is scored, never looked into.');
  process.exit(2);
}
for (const set of sets) {
  const outcomes = [];
  for (const page of pageCases([set])) outcomes.push(await readCase(page, values['layers-only']));
  if (outcomes.length === 0) {
    console.log(`${set}: no pages (run npm run gather:pages for the gathered sets)`);
    continue;
  }
  const score = scorePages(outcomes);
  console.log(
    `${set}${values['layers-only'] ? ' (layers only)' : ''}: ${outcomes.length} pages · title ${shown(score.title)} · price ${shown(score.price)} · cards within 15 % ${shown(score.count)} · kind ${shown(score.kind)}`,
  );
  const titles = titleErrors(outcomes);
  if (titles.none + titles.longer + titles.shorter + titles.other > 0)
    console.log(
      `  titles wrong: ${titles.none} none read · ${titles.longer} with more around it · ${titles.shorter} a part of it · ${titles.other} another text${
        titles.from.size > 0 ? ` (from ${[...titles.from].map(([layer, n]) => `${layer} ${n}`).join(', ')})` : ''
      }`,
    );
  const errors = priceErrors(outcomes);
  if (errors.none + errors.currency + errors.amount > 0)
    console.log(
      `  prices wrong: ${errors.none} none read · ${errors.currency} in another currency · ${errors.amount} another amount`,
    );
  const kinds = new Map<string, number>();
  for (const outcome of outcomes.filter((o) => !kindRight(o))) {
    const said = `${outcome.page.kind} read as ${outcome.kind}`;
    kinds.set(said, (kinds.get(said) ?? 0) + 1);
  }
  if (kinds.size > 0) console.log(`  kinds wrong: ${[...kinds].map(([said, n]) => `${n} ${said}`).join(' · ')}`);
  if (!values.misses) continue;
  for (const outcome of outcomes) {
    const { page, listings } = outcome;
    const wrong: string[] = [];
    if (!kindRight(outcome)) wrong.push(`kind ${outcome.kind} ≠ ${page.kind}`);
    if (page.kind === 'detail') {
      if (page.title && !titleRight(outcome))
        wrong.push(`title "${listings[0]?.title?.slice(0, 90)}" ≠ "${page.title.slice(0, 90)}"`);
      if (page.price && !priceRight(outcome))
        wrong.push(
          `price ${listings[0]?.price?.amount} ${listings[0]?.price?.currency} ≠ ${page.price} ${page.currency}`,
        );
    } else if (page.cards !== undefined && !countRight(outcome)) wrong.push(`cards ${listings.length} ≠ ${page.cards}`);
    if (wrong.length > 0) console.log(`  ${page.name}${outcome.fellBack ? ' (fallback)' : ''}: ${wrong.join('; ')}`);
  }
}
