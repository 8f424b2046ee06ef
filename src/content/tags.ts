/** The hosts of the extension's own elements on a page: their appearing is not the page's news. */
export const BADGE_TAG = 'counterfeit-guard-badge';
export const BANNER_TAG = 'counterfeit-guard-banner';
