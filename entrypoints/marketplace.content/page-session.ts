import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { storage } from 'wxt/utils/storage';
import { onMessage, sendMessage } from '../../src/messaging/protocol';
import { type Assessment, warns } from '../../src/risk/assessment';
import { genuineItem } from '../../src/settings/reporting';
import { type Found, readPage } from '../../src/sites/read';
import { BADGE_TAG, BANNER_TAG, mountBadge, mountBanner } from './mount-badge';

/** Listings whose banner the user dismissed: the pill stays, the banner does not come back. */
const dismissed = storage.defineItem<string[]>('local:dismissedBanners', { fallback: [] });

/** Cards read in one task; the rest wait for the next idle period. */
const CARDS_PER_TASK = 10;
/** Main-thread time a slice of badge mounting may take before it yields to the page. */
const SLICE_MS = 5;

/**
 * Reads the page's listings now and again whenever the page adds content (infinite scroll,
 * single-page navigation). One MutationObserver feeds one pending scan, run when the page is
 * idle; each card is read once; badges mount in short slices; everything stops with `ctx`.
 */
export async function startPageSession(ctx: ContentScriptContext): Promise<void> {
  const given = await sendMessage('siteRules', null).catch((error: unknown) => {
    console.warn('[counterfeit-guard] no rules for this page:', error);
    return null;
  });
  if (!given || ctx.isInvalid) return;
  const rules = given.generic ? { sites: [], generic: given.rules } : { sites: [given.rules] };

  // Listings the user said are genuine keep no warning: read once per page, then followed.
  let genuine = new Set(await genuineItem.getValue());
  ctx.onInvalidated(genuineItem.watch((keys) => (genuine = new Set(keys))));

  let seen = new WeakSet<Element>();
  // Where each listing read on this page sits, for the audit view's highlight.
  let places = new Map<string, Element>();
  const highlight = createHighlighter();
  ctx.onInvalidated(
    onMessage('highlight', ({ data: key, sender }) => {
      if (sender.id !== browser.runtime.id) return false;
      return highlight(key === null ? undefined : places.get(key));
    }),
  );
  ctx.onInvalidated(() => highlight(undefined));
  let href = location.href;
  let detailRead = false;
  let pending = false;
  let running: Promise<void> = Promise.resolve();

  const scan = async () => {
    pending = false;
    if (ctx.isInvalid) return;
    if (location.href !== href) {
      href = location.href;
      seen = new WeakSet();
      places = new Map();
      detailRead = false;
      await sendMessage('pageChanged', null).catch(() => undefined);
    }
    // A product page is read once per address: its later mutations (ads, carousels) would
    // only make the reader parse its JSON-LD and page data again for the same listing.
    if (detailRead) return;
    const reading = readPage(document, href, { ...rules, seen, limit: CARDS_PER_TASK });
    const fresh = reading.listings;
    for (const found of fresh) {
      const place = found.card ?? found.anchor;
      if (place) places.set(found.listing.key, place);
    }
    detailRead = reading.kind === 'detail' && fresh.length > 0;
    // A full slice means more cards wait: read them in the next idle period.
    if (reading.listings.length >= CARDS_PER_TASK) schedule();
    if (fresh.length === 0) return;
    let assessments: Assessment[];
    try {
      assessments = await sendMessage(
        'assessListings',
        fresh.map((found) => found.listing),
      );
    } catch (error) {
      console.warn('[counterfeit-guard] could not assess this page:', error);
      return;
    }
    const shown = assessments.map((assessment) =>
      genuine.has(assessment.key) && warns(assessment) ? undefined : assessment,
    );
    await placeBadges(ctx, fresh, shown);
    const warned = fresh.findIndex((found, i) => found.listing.kind === 'detail' && warns(shown[i]));
    if (warned >= 0) await showBanner(ctx, fresh[warned]!.listing.key, assessments[warned]!);
  };

  const schedule = () => {
    if (pending || ctx.isInvalid) return;
    pending = true;
    // Scans never overlap: the next waits for the one under way.
    ctx.requestIdleCallback(
      () => {
        running = running.then(scan);
      },
      { timeout: 500 },
    );
  };

  const observer = new MutationObserver((records) => {
    if (records.some(addsPageContent)) schedule();
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  // The first read waits for an idle moment too: the page's own start-up comes first.
  schedule();
}

/** Mutations that add the page's own elements; our badges appearing are not news. */
function addsPageContent(record: MutationRecord): boolean {
  for (const node of record.addedNodes) {
    const name = node.nodeName.toLowerCase();
    if (node.nodeType === Node.ELEMENT_NODE && name !== BADGE_TAG && name !== BANNER_TAG) return true;
  }
  return false;
}

/** Mounts the badges a batch earned, a slice per frame, so a long list never blocks the page. */
async function placeBadges(ctx: ContentScriptContext, batch: Found[], assessments: (Assessment | undefined)[]) {
  let sliceStart = performance.now();
  for (const [i, assessment] of assessments.entries()) {
    const found = batch[i];
    if (ctx.isInvalid) return;
    if (!found?.anchor || !assessment || !shows(assessment, found)) continue;
    await mountBadge(ctx, found, assessment);
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => ctx.requestAnimationFrame(resolve));
      sliceStart = performance.now();
    }
  }
}

/**
 * `unknown` claims nothing, so it shows nothing. A card shows a pill only when there is
 * something to warn about: a check mark on every card of a brand would read as a guarantee.
 */
function shows(assessment: Assessment, found: Found): boolean {
  if (assessment.level === 'unknown') return false;
  return found.listing.kind === 'detail' || warns(assessment);
}

async function showBanner(ctx: ContentScriptContext, key: string, assessment: Assessment) {
  if ((await dismissed.getValue()).includes(key) || ctx.isInvalid) return;
  document.querySelector(BANNER_TAG)?.remove();
  await mountBanner(ctx, assessment, () => {
    void dismissed.getValue().then((keys) => dismissed.setValue([...keys.filter((k) => k !== key), key].slice(-500)));
  });
}

/**
 * Outlines one element of the page at a time (an outline takes no room: the page's layout does
 * not move), bringing it into view; the element's own outline comes back when it is let go.
 */
function createHighlighter(): (element: Element | undefined) => boolean {
  let current: { element: HTMLElement; outline: string; offset: string } | undefined;
  return (element) => {
    if (current) {
      current.element.style.outline = current.outline;
      current.element.style.outlineOffset = current.offset;
      current = undefined;
    }
    if (!(element instanceof HTMLElement) || !element.isConnected) return false;
    current = { element, outline: element.style.outline, offset: element.style.outlineOffset };
    element.style.outline = '3px solid #0a58ca';
    element.style.outlineOffset = '2px';
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return true;
  };
}
