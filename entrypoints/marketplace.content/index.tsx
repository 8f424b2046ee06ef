import { marketplaceMatches } from '../../src/sites/matches';
import { startPageSession } from './page-session';

export default defineContentScript({
  matches: marketplaceMatches(),
  // The badge's styles travel inside the script (see mount-badge): no web-accessible file
  // a page could probe to learn the extension is installed.
  cssInjectionMode: 'manual',
  main(ctx) {
    void startPageSession(ctx);
  },
});
