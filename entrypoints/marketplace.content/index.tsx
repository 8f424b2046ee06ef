import { SITES } from '../../src/sites';
import { matchPatterns } from '../../src/sites/matches';
import { startPageSession } from './page-session';

export default defineContentScript({
  matches: matchPatterns(SITES),
  // The badge's styles travel inside the script (see mount-badge): no web-accessible file
  // a page could probe to learn the extension is installed.
  cssInjectionMode: 'manual',
  main(ctx) {
    startPageSession(ctx);
  },
});
