import { startPageSession } from '../../src/content/page-session';
import { marketplaceMatches } from '../../src/sites/matches';

export default defineContentScript({
  matches: marketplaceMatches(),
  // The badge's styles travel inside the script (see mount-badge): no web-accessible file
  // a page could probe to learn the extension is installed.
  cssInjectionMode: 'manual',
  main(ctx) {
    void startPageSession(ctx);
  },
});
