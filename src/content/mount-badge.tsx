import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Assessment } from '../risk/assessment';
import type { ReadListing } from '../sites/read';
import { Badge } from '../ui/Badge';
import { Banner } from '../ui/Banner';
import badgeCss from '../ui/badge.css?inline';
import { t } from '../ui/i18n';
import { levelWord } from '../ui/LevelLabel';
import { BADGE_TAG, BANNER_TAG } from './tags';

/**
 * The badges' styles, parsed once and shared by every shadow root on the page: a result page of
 * hundreds of badges would otherwise parse and match a stylesheet per badge. Where a browser
 * cannot adopt a sheet made by a content script (Firefox's wrappers refuse some), each root gets
 * its own <style> instead.
 */
let shared: CSSStyleSheet | null | undefined;
function adoptStyles(shadow: ShadowRoot): void {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(badgeCss);
    } catch {
      shared = null;
    }
  }
  if (shared) {
    try {
      shadow.adoptedStyleSheets = [shared];
      if (shadow.adoptedStyleSheets.length === 1) return;
    } catch {
      // fall through to an element of its own
    }
    shared = null;
  }
  const style = document.createElement('style');
  style.textContent = badgeCss;
  shadow.append(style);
}

/**
 * A closed shadow root: the page can neither read nor restyle what is inside. The host
 * carries `label` as its accessible name for assistive tools that stop at the shadow boundary;
 * the returned `remove` takes it away (it also goes when the extension is reloaded).
 */
function shadowHost(ctx: ContentScriptContext, tag: string, role: string, label: string) {
  const host = document.createElement(tag);
  host.setAttribute('role', role);
  host.setAttribute('aria-label', label);
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptStyles(shadow);
  const container = document.createElement('div');
  shadow.append(container);
  const remove = () => {
    render(null, container);
    host.remove();
  };
  ctx.onInvalidated(remove);
  return { host, container, remove };
}

/**
 * Puts a badge on a listing. On a product page it follows the heading's text; on a card it
 * floats over the corner of the card's image, so the result grid never reflows. Synchronous, so that a batch of badges is put
 * in within one frame: the page is laid out once for the batch.
 */
export function mountBadge(ctx: ContentScriptContext, found: ReadListing, assessment: Assessment): void {
  const anchor = found.anchor;
  if (!anchor?.isConnected) return;
  const onCard = found.listing.kind === 'card';
  const { host, container } = shadowHost(ctx, BADGE_TAG, 'group', t('badge_label', [levelWord(assessment.level)]));
  host.dataset.key = found.listing.key;
  if (onCard) {
    // Out of the flow at its own static place (the card's top left), positioned against no
    // ancestor of the page's: putting it in lays out only what is positioned, not the grid.
    Object.assign(host.style, { display: 'block', position: 'absolute', zIndex: '2', margin: '4px' });
    anchor.prepend(host);
  } else {
    host.style.display = 'inline';
    container.style.display = 'inline';
    anchor.append(host);
  }
  render(<Badge assessment={assessment} compact={onCard} />, container);
}

/** The product page's banner, in its own closed root at the end of the body; `onDismiss` runs once it is gone. */
export function mountBanner(ctx: ContentScriptContext, assessment: Assessment, onDismiss: () => void): void {
  const { host, container, remove } = shadowHost(ctx, BANNER_TAG, 'region', t('banner_label'));
  const dismiss = () => {
    remove();
    onDismiss();
  };
  document.body.append(host);
  render(<Banner assessment={assessment} onDismiss={dismiss} />, container);
}

/** What the badges' interface part (entrypoints/badge-ui.ts) provides to the content script. */
export interface BadgeUi {
  mountBadge: typeof mountBadge;
  mountBanner: typeof mountBanner;
}
