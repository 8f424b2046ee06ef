import { startPageSession } from '../../src/content/page-session';
import { marketplaceMatches } from '../../src/sites/matches';

export default defineContentScript({
  matches: marketplaceMatches(),
  // The badge's styles travel inside the script (see mount-badge): no web-accessible file
  // a page could probe to learn the extension is installed.
  cssInjectionMode: 'manual',
  // At the start, so that its first message wakes a stopped worker (Chrome stops it when idle)
  // while the page still loads; the page is read once parsed (startPageSession).
  runAt: 'document_start',
  main(ctx) {
    void startPageSession(ctx);
  },
});
