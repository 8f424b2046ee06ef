import * as v from 'valibot';

export const LEVELS = ['high', 'caution', 'none', 'unknown'] as const;
export type Level = (typeof LEVELS)[number];

export const REASON_CODES = [
  'brand_recognised',
  'seller_authorised',
  'seller_not_authorised',
  'brand_absent_from_marketplace',
  'price_below_floor',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const ReasonSchema = v.object({
  code: v.picklist(REASON_CODES),
  weight: v.number(),
  params: v.record(v.string(), v.union([v.string(), v.number()])),
});
export type Reason = v.InferOutput<typeof ReasonSchema>;

export const AssessmentSchema = v.object({
  key: v.string(),
  level: v.picklist(LEVELS),
  score: v.number(),
  brand: v.optional(v.string()),
  reasons: v.array(ReasonSchema),
});
export type Assessment = v.InferOutput<typeof AssessmentSchema>;
