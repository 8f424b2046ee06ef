import * as v from 'valibot';

export const LEVELS = ['high', 'caution', 'none', 'unknown'] as const;
export type Level = (typeof LEVELS)[number];

/** Every reason the engine gives; the UI words each one from its parameters. */
export const REASON_CODES = [
  'brand_recognised',
  'seller_authorised',
  'official_site',
  'counterfeit_terms',
  'grade_tag',
  'lookalike_terms',
  'price_below_floor',
  'price_below_retail',
  'brand_disguised',
  'brand_absent_from_marketplace',
  'fake_official_store',
  'seller_not_authorised',
  'bulk_luxury',
  'seller_pattern',
  'sold_on_replica_channel',
  'reviews_say_fake',
  'replica_wording',
  'community_flagged',
  'community_confirmed',
  'honest_used',
  'honest_proof',
  'user_genuine',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

const ReasonSchema = v.object({
  code: v.picklist(REASON_CODES),
  weight: v.number(),
  params: v.record(v.string(), v.union([v.string(), v.number()])),
});
export type Reason = v.InferOutput<typeof ReasonSchema>;

const AssessmentSchema = v.object({
  key: v.string(),
  level: v.picklist(LEVELS),
  score: v.number(),
  /** The registry id of the brand the listing invokes; its name is looked up where it is shown. */
  brand: v.optional(v.string()),
  reasons: v.array(ReasonSchema),
});
export type Assessment = v.InferOutput<typeof AssessmentSchema>;

/** Whether an assessment warns (high or caution): what badges show on cards and audits call suspect. */
export const warns = (assessment: Pick<Assessment, 'level'> | undefined): boolean =>
  assessment?.level === 'high' || assessment?.level === 'caution';

/**
 * A listing its user said is genuine: whatever the engine found, it warns no more, and says why.
 * The background applies it to every answer, so the page, the popup and the audit agree.
 */
export const saidGenuine = (assessment: Assessment): Assessment =>
  warns(assessment)
    ? { ...assessment, level: 'none', score: 0, reasons: [{ code: 'user_genuine', weight: 0, params: {} }] }
    : assessment;
