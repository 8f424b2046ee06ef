import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, sendMessage } from '../messaging/protocol';
import { type Assessment, warns } from '../risk/assessment';
import { dismissedBannersItem as dismissed } from '../settings/items';
import type { FallbackReaderInSteps, FallbackReading } from '../sites/fallback/index';
import { endedListing, fallbackPage, type ReadListing, readPage } from '../sites/read';
import { CARDS_PER_TASK, nextBatch } from './batch-size';
import type { BadgeUi } from './mount-badge';
import { partLoaded } from './parts';
import { BADGE_TAG, BANNER_TAG } from './tags';

/** Main-thread time a frame's badge mounting may take before it yields to the page. */
const SLICE_MS = 8;

/**
 * Reads the page's listings now and again whenever the page adds content (infinite scroll,
 * single-page navigation). One MutationObserver feeds one pending scan, run when the page is
 * idle; each card is read once; badges mount in short slices; everything stops with `ctx`.
 */
export async function startPageSession(ctx: ContentScriptContext): Promise<void> {
  // Asked while the page is still parsed: a stopped worker starts and reads its registry meanwhile.
  const [given] = await Promise.all([
    sendMessage('siteRules', null).catch((error: unknown) => {
      console.warn('[counterfeit-guard] no rules for this page:', error);
      return null;
    }),
    parsed(),
  ]);
  if (!given || ctx.isInvalid) return;
  const rules = given.generic ? { sites: [], generic: given.rules } : { sites: [given.rules] };

  let seen = new WeakSet<Element>();
  // Where each listing read on this page sits, for the audit view's highlight.
  let places = new Map<string, Element>();
  const highlight = createOutline();
  ctx.onInvalidated(
    onMessage('highlight', ({ data: key, sender }) => {
      if (sender.id !== browser.runtime.id) return false;
      return highlight(key === null ? undefined : places.get(key));
    }),
  );
  ctx.onInvalidated(() => highlight(undefined));
  let href = location.href;
  let detailRead = false;
  // Whether this address was looked at for the marketplace's word that its listing is gone.
  let endedLooked = false;
  // The reader's lower layers: put into the frame once, when the rules read nothing on a page.
  let layers: FallbackReaderInSteps | undefined;
  let layersAsked = false;
  // Whether the rules read anything at this address; the layers read only where they did not.
  let rulesRead = false;
  let fellBackTold = false;
  // The layers' reading of the page, kept while the page adds nothing: its cards are then
  // taken a slice at a time, not read again for each slice.
  let below: FallbackReading | undefined;
  let grew = true;
  let pending = false;
  // Whether the last task read as many cards as it could (the list goes on), and how many the next may read.
  let full = false;
  let nextLimit: number = CARDS_PER_TASK.first;
  // Whether a scan is under way, and whether another was asked for meanwhile.
  let scanning = false;
  let again = false;

  const scan = async () => {
    pending = false;
    if (ctx.isInvalid) return;
    if (location.href !== href) {
      href = location.href;
      full = false;
      nextLimit = CARDS_PER_TASK.first;
      seen = new WeakSet();
      places = new Map();
      detailRead = false;
      endedLooked = false;
      rulesRead = false;
      fellBackTold = false;
      below = undefined;
      await sendMessage('pageChanged', null).catch(() => undefined);
    }
    // A product page is read once per address: its later mutations (ads, carousels) would
    // only make the reader parse its JSON-LD and page data again for the same listing.
    if (detailRead) return;
    const limit = full ? nextLimit : CARDS_PER_TASK.first;
    const options = { ...rules, seen, limit, guessKind: true };
    let [reading, readMs] = timed(() => readPage(document, href, options));
    // Only where the rules read nothing: the layers' address reading is not done on every scan.
    const page = reading.listings.length === 0 && !rulesRead && layers ? fallbackPage(href, rules) : undefined;
    if (page && layers) {
      // The rules read nothing here: the lower layers read the page, a layer per task.
      if (!below || grew) {
        grew = false;
        below = await layers(document, page);
        if (ctx.isInvalid || location.href !== href) return;
      }
      const read = below;
      [reading, readMs] = timed(() => readPage(document, href, { ...options, fallback: () => read }));
    }
    const fresh = reading.listings;
    if (fresh.length > 0 && !reading.fellBack) rulesRead = true;
    if (reading.fellBack && !fellBackTold) {
      fellBackTold = true;
      void sendMessage('rulesFellBack', null).catch(() => undefined);
    }
    if (fresh.length === 0 && !rulesRead && !layersAsked) {
      // Nothing read by the rules: the lower layers may still find the listings.
      layersAsked = true;
      const loaded = await sendMessage('loadPart', 'layers').catch(() => false);
      layers = loaded ? partLoaded('layers') : undefined;
      if (layers) schedule();
      return;
    }
    if (!endedLooked) {
      endedLooked = true;
      // The background tells the service only of listings a volunteer filed, and only with their consent.
      const read = fresh.length > 0;
      if (endedListing(document, href, rules.sites, { status: loadStatus(href), read }))
        void sendMessage('listingEnded', null).catch(() => undefined);
    }
    for (const found of fresh) {
      const place = found.card ?? found.anchor;
      if (place) places.set(found.listing.key, place);
    }
    detailRead = reading.kind === 'detail' && fresh.length > 0;
    // A full slice means more cards wait: read them in the next idle period.
    full = reading.listings.length >= limit;
    nextLimit = nextBatch(limit, readMs);
    if (full) schedule('next task');
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
    // The background has applied what the user said of each listing (genuine): it owns that.
    await placeBadges(ctx, fresh, assessments);
    const warned = fresh.findIndex((found, i) => found.listing.kind === 'detail' && warns(assessments[i]));
    if (warned >= 0) await showBanner(ctx, fresh[warned]!.listing.key, assessments[warned]!);
  };

  // Scans never overlap, and each starts in a task of its own: one chained to the end of the
  // last would run inside that scan's final frame of badges and make it a long task.
  const run = async () => {
    if (scanning) {
      again = true;
      return;
    }
    scanning = true;
    try {
      await scan();
    } finally {
      scanning = false;
      if (again) {
        again = false;
        pending = false;
        schedule();
      }
    }
  };

  // A page's changes are read when it is idle: its own work comes first. A list being read goes
  // on in the next task: its badges have been drawn, and a busy page may not be idle for long.
  const schedule = (when: 'idle' | 'next task' = 'idle') => {
    if (pending || ctx.isInvalid) return;
    pending = true;
    if (when === 'next task') ctx.setTimeout(() => void run(), 0);
    else ctx.requestIdleCallback(() => void run(), { timeout: 500 });
  };

  const observer = new MutationObserver((records) => {
    if (!records.some(addsPageContent)) return;
    grew = true;
    schedule();
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', () => schedule());
  // The first read waits for an idle moment too: the page's own start-up comes first.
  schedule();
}

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

/** The HTTP status the page loaded with, while it still shows that load's address (not after in-page navigation). */
function loadStatus(href: string): number | undefined {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return entry?.name === href && entry.responseStatus ? entry.responseStatus : undefined;
}

/** Mutations that add the page's own elements; our badges appearing are not news. */
function addsPageContent(record: MutationRecord): boolean {
  for (const node of record.addedNodes) {
    const name = node.nodeName.toLowerCase();
    if (node.nodeType === Node.ELEMENT_NODE && name !== BADGE_TAG && name !== BANNER_TAG) return true;
  }
  return false;
}

/** The badges' interface, put into the frame the first time there is something to show. */
let uiPart: Promise<BadgeUi | undefined> | undefined;
function badgeUi(): Promise<BadgeUi | undefined> {
  uiPart ??= sendMessage('loadPart', 'ui')
    .then((loaded) => (loaded ? (partLoaded('ui') as BadgeUi | undefined) : undefined))
    .catch((error: unknown) => {
      console.warn('[counterfeit-guard] could not show badges on this page:', error);
      uiPart = undefined;
      return undefined;
    });
  return uiPart;
}

/**
 * Mounts the badges a batch earned inside animation frames, as many per frame as fit in a
 * slice: the page is laid out once for each frame's badges, not once for each badge, and a long
 * list never blocks it.
 */
async function placeBadges(ctx: ContentScriptContext, batch: ReadListing[], assessments: readonly Assessment[]) {
  const due = batch.flatMap((found, i) => {
    const assessment = assessments[i];
    return found.anchor && assessment && shows(assessment, found) ? [{ found, assessment }] : [];
  });
  if (due.length === 0) return;
  const ui = await badgeUi();
  if (!ui) return;
  let next = 0;
  while (next < due.length && !ctx.isInvalid) {
    await new Promise((resolve) => ctx.requestAnimationFrame(resolve));
    const sliceStart = performance.now();
    while (next < due.length && !ctx.isInvalid && performance.now() - sliceStart < SLICE_MS) {
      const { found, assessment } = due[next++]!;
      ui.mountBadge(ctx, found, assessment);
    }
  }
}

/**
 * `unknown` claims nothing, so it shows nothing. A card shows a pill only when there is
 * something to warn about: a check mark on every card of a brand would read as a guarantee.
 */
function shows(assessment: Assessment, found: ReadListing): boolean {
  if (assessment.level === 'unknown') return false;
  return found.listing.kind === 'detail' || warns(assessment);
}

async function showBanner(ctx: ContentScriptContext, key: string, assessment: Assessment) {
  if ((await dismissed.getValue()).includes(key) || ctx.isInvalid) return;
  const ui = await badgeUi();
  if (!ui || ctx.isInvalid) return;
  document.querySelector(BANNER_TAG)?.remove();
  ui.mountBanner(ctx, assessment, () => {
    void dismissed.getValue().then((keys) => dismissed.setValue([...keys.filter((k) => k !== key), key].slice(-500)));
  });
}

/**
 * Outlines one element of the page at a time (an outline takes no room: the page's layout does
 * not move), bringing it into view; the element's own outline comes back when it is let go.
 */
function createOutline(): (element: Element | undefined) => boolean {
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

/**
 * Once the document is parsed and the task that follows has run, as a script run at
 * "document_idle" would start: the page's own first scripts have filled what they fill at once.
 */
function parsed(): Promise<void> {
  const settled = () => new Promise<void>((resolve) => setTimeout(resolve));
  if (document.readyState !== 'loading') return settled();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => void settled().then(resolve), { once: true }),
  );
}
