import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Assessment } from '../../src/risk/assessment';
import { Badge } from '../../src/ui/Badge';
import badgeCss from '../../src/ui/badge.css?inline';
import { t } from '../../src/ui/i18n';
import { levelWord } from '../../src/ui/LevelLabel';

/**
 * Puts a badge at the end of `anchor`, in a closed shadow root: the page can neither read
 * nor restyle it. The host carries the level as its accessible name for assistive tools
 * that stop at the shadow boundary.
 */
export async function mountBadge(ctx: ContentScriptContext, anchor: Element, assessment: Assessment) {
  const ui = await createShadowRootUi(ctx, {
    name: 'counterfeit-guard-badge',
    mode: 'closed',
    css: badgeCss,
    position: 'inline',
    anchor,
    append: 'last',
    onMount(container, _shadow, host) {
      host.setAttribute('role', 'group');
      host.setAttribute('aria-label', t('badge_label', [levelWord(assessment.level)]));
      // The host and WXT's wrapper div flow inline, so the badge follows the heading's text.
      host.style.display = 'inline';
      container.style.display = 'inline';
      render(<Badge assessment={assessment} />, container);
    },
    onRemove() {
      render(null, ui.uiContainer);
    },
  });
  ui.mount();
}
