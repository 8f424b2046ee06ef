export const SENSITIVITIES = ['relaxed', 'balanced', 'strict'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export interface RiskSettings {
  sensitivity: Sensitivity;
}

export const DEFAULT_SETTINGS: RiskSettings = { sensitivity: 'balanced' };

/** The scores at which a listing is `caution` and `high`. Balanced keeps one weak signal quiet. */
export const THRESHOLDS: Record<Sensitivity, { caution: number; high: number }> = {
  relaxed: { caution: 55, high: 85 },
  balanced: { caution: 40, high: 70 },
  strict: { caution: 30, high: 60 },
};
