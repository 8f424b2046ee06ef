/** How a listing wrote the brand. A typo is reported as a misspelling, with its distance. */
export const MATCH_FORMS = ['exact', 'alias', 'line', 'misspelling', 'homoglyph', 'masked'] as const;
export type MatchForm = (typeof MATCH_FORMS)[number];
