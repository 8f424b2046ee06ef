import { amazon } from './amazon';
import type { SiteRules } from './rules';

/** Every marketplace the reader knows, in the order they are tried. */
export const SITES: readonly SiteRules[] = [amazon];
