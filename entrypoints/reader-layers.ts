import { providePart } from '../src/content/parts';
import { readFallbackInSteps } from '../src/sites/fallback/index';

// Put into a page by the background, at the content script's request, when the site's rules
// read nothing there: structured data, embedded JSON and the markup's shape then read it.
export default defineUnlistedScript(() => {
  providePart('layers', readFallbackInSteps);
});
