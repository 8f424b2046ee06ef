import type { FallbackReaderInSteps } from '../sites/fallback/index';

/**
 * Parts of the content script that a page gets only when it needs them, put into its frame by
 * the background: the reader's lower layers (where the site's rules read nothing) and the
 * badges' interface (where there is something to show). Each leaves what it provides on the
 * content scripts' own global, which the page's scripts cannot see; the content script itself
 * stays small.
 */
export const PARTS = { layers: '/reader-layers.js', ui: '/badge-ui.js' } as const;
export type Part = keyof typeof PARTS;

const NAME: Record<Part, string> = { layers: '__counterfeitGuardLayers', ui: '__counterfeitGuardUi' };

/** What each part provides. The UI's shape is declared by its entry point, which imports this. */
interface Provided {
  layers: FallbackReaderInSteps;
  ui: unknown;
}

export function partLoaded<P extends Part>(part: P): Provided[P] | undefined {
  return (globalThis as Record<string, unknown>)[NAME[part]] as Provided[P] | undefined;
}

export function providePart<P extends Part>(part: P, value: Provided[P]): void {
  (globalThis as Record<string, unknown>)[NAME[part]] = value;
}
