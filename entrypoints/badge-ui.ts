import type { BadgeUi } from '../src/content/mount-badge';
import { providePart } from '../src/content/parts';

// Put into a page by the background when the content script first has a badge to show: pages
// where nothing is shown never load the interface. (Imported inside, so that the build's own
// reading of this entry point does not run the interface's modules.)
export default defineUnlistedScript(async () => {
  const { mountBadge, mountBanner } = await import('../src/content/mount-badge');
  const ui: BadgeUi = { mountBadge, mountBanner };
  providePart('ui', ui);
});
