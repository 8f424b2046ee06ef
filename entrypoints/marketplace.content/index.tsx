import { sendMessage } from '../../src/messaging/protocol';
import { SITES } from '../../src/sites';
import { matchPatterns } from '../../src/sites/matches';
import { readPage } from '../../src/sites/read';
import { mountBadge } from './mount-badge';

export default defineContentScript({
  matches: matchPatterns(SITES),
  // The badge's styles travel inside the script (see mount-badge): no web-accessible file
  // a page could probe to learn the extension is installed.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const found = readPage(document, location.href).listings;
    if (found.length === 0) return;
    let assessments: Awaited<ReturnType<typeof sendMessage<'assessListings'>>>;
    try {
      assessments = await sendMessage(
        'assessListings',
        found.map((item) => item.listing),
      );
    } catch (error) {
      console.warn('[counterfeit-guard] could not assess this page:', error);
      return;
    }
    for (const [i, assessment] of assessments.entries()) {
      const anchor = found[i]?.anchor;
      // `unknown` claims nothing, so it shows nothing.
      if (!anchor || assessment.level === 'unknown' || ctx.isInvalid) continue;
      await mountBadge(ctx, anchor, assessment);
    }
  },
});
