import type { Assessment } from '../risk/assessment';
import { t } from './i18n';
import { LevelLabel } from './LevelLabel';
import { ReasonList } from './ReasonList';
import { ReportActions } from './ReportActions';

/**
 * The warning on a product page: fixed to the bottom of the window, so it never moves the
 * page, with the reasons in full, the report actions, and a way to dismiss it.
 */
export function Banner({ assessment, onDismiss }: { assessment: Assessment; onDismiss: () => void }) {
  const heading = t(assessment.level === 'high' ? 'banner_heading_high' : 'banner_heading_caution');
  return (
    <section
      class={`cg-banner cg-banner-${assessment.level}`}
      aria-label={t('banner_label')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDismiss();
      }}
    >
      <div class="cg-banner-head">
        <LevelLabel level={assessment.level} />
        <strong class="cg-banner-title">{heading}</strong>
        <button type="button" class="cg-banner-dismiss" onClick={onDismiss}>
          {t('banner_dismiss')}
        </button>
      </div>
      <ReasonList reasons={assessment.reasons.filter((reason) => reason.weight > 0)} level={assessment.level} />
      <ReportActions target={{ key: assessment.key }} genuineOffered onGenuine={onDismiss} onPage />
    </section>
  );
}
