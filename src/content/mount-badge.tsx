import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Assessment } from '../risk/assessment';
import type { ReadListing } from '../sites/read';
import { Badge } from '../ui/Badge';
import { Banner } from '../ui/Banner';
import badgeCss from '../ui/badge.css?inline';
import { t } from '../ui/i18n';
import { levelWord } from '../ui/LevelLabel';

import { BADGE_TAG, BANNER_TAG } from './tags';

/**
 * Puts a badge in a closed shadow root: the page can neither read nor restyle it. On a
 * product page it follows the heading's text; on a card it floats over the corner of the
 * card's image, so the result grid never reflows. The host carries the level as its
 * accessible name for assistive tools that stop at the shadow boundary.
 */
export async function mountBadge(ctx: ContentScriptContext, found: ReadListing, assessment: Assessment) {
  const onCard = found.listing.kind === 'card';
  const common = {
    name: BADGE_TAG,
    mode: 'closed' as const,
    css: badgeCss,
    // WXT's own reset (`all: initial !important` on the host) would also override the host's
    // inline position, and card pills would gather at the page's corner; badge.css resets
    // without !important instead.
    inheritStyles: true,
    anchor: found.anchor,
    onMount(container: HTMLElement, _shadow: ShadowRoot, host: HTMLElement) {
      host.setAttribute('role', 'group');
      host.setAttribute('aria-label', t('badge_label', [levelWord(assessment.level)]));
      host.dataset.key = found.listing.key;
      if (!onCard) {
        // The host and WXT's wrapper div flow inline, so the badge follows the heading's text.
        host.style.display = 'inline';
        container.style.display = 'inline';
      } else {
        container.style.zIndex = '2';
        container.style.margin = '4px';
      }
      render(<Badge assessment={assessment} compact={onCard} />, container);
    },
    onRemove() {
      render(null, ui.uiContainer);
    },
  };
  const ui = onCard
    ? await createShadowRootUi(ctx, { ...common, position: 'overlay', alignment: 'top-left', append: 'first' })
    : await createShadowRootUi(ctx, { ...common, position: 'inline', append: 'last' });
  ui.mount();
}

/** The product page's banner, in its own closed root at the end of the body; `onDismiss` runs once it is gone. */
export async function mountBanner(ctx: ContentScriptContext, assessment: Assessment, onDismiss: () => void) {
  const ui = await createShadowRootUi(ctx, {
    name: BANNER_TAG,
    mode: 'closed',
    css: badgeCss,
    inheritStyles: true,
    position: 'inline',
    anchor: document.body,
    append: 'last',
    onMount(container, _shadow, host) {
      host.setAttribute('role', 'region');
      host.setAttribute('aria-label', t('banner_label'));
      const dismiss = () => {
        ui.remove();
        onDismiss();
      };
      render(<Banner assessment={assessment} onDismiss={dismiss} />, container);
    },
    onRemove() {
      render(null, ui.uiContainer);
    },
  });
  ui.mount();
}

/** What the badges' interface part (entrypoints/badge-ui.ts) provides to the content script. */
export interface BadgeUi {
  mountBadge: typeof mountBadge;
  mountBanner: typeof mountBanner;
}
