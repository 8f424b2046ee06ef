import { providePart } from '../src/sites/parts';
import type { mountBadge, mountBanner } from './marketplace.content/mount-badge';

/** What the badges' interface part provides to the content script. */
export interface BadgeUi {
  mountBadge: typeof mountBadge;
  mountBanner: typeof mountBanner;
}

// Put into a page by the background when the content script first has a badge to show: pages
// where nothing is shown never load the interface. (Imported inside, so that the build's own
// reading of this entry point does not run the interface's modules.)
export default defineUnlistedScript(async () => {
  const { mountBadge, mountBanner } = await import('./marketplace.content/mount-badge');
  const ui: BadgeUi = { mountBadge, mountBanner };
  providePart('ui', ui);
});
