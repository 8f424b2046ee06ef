import { useId, useState } from 'preact/hooks';
import type { Assessment } from '../risk/assessment';
import { t } from './i18n';
import { LevelLabel } from './LevelLabel';
import { ReasonList } from './ReasonList';

/** The badge beside a listing: its level, and on demand the reasons behind it. */
export function Badge({ assessment, compact = false }: { assessment: Assessment; compact?: boolean }) {
  const [open, setOpen] = useState(false);
  const reasonsId = useId();
  return (
    <span class={`cg-badge cg-badge-${assessment.level}${compact ? ' cg-badge-compact' : ''}`}>
      <button
        type="button"
        class="cg-badge-toggle"
        aria-expanded={open}
        aria-controls={reasonsId}
        title={t('badge_reasons_heading')}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      >
        <LevelLabel level={assessment.level} />
      </button>
      {/* Worded only when opened: a page of cards never pays for reasons nobody reads. */}
      <ReasonList reasons={open ? assessment.reasons : []} id={reasonsId} hidden={!open} />
    </span>
  );
}
