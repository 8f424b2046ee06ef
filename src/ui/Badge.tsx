import { useId, useRef, useState } from 'preact/hooks';
import { type Assessment, warns } from '../risk/assessment';
import { t } from './i18n';
import { LevelLabel } from './LevelLabel';
import { ReasonList } from './ReasonList';
import { ReportActions } from './ReportActions';

/**
 * The badge beside a listing: its level, and on demand a small menu with the reasons behind
 * it and the report actions. Marked genuine, it goes.
 */
export function Badge({ assessment, compact = false }: { assessment: Assessment; compact?: boolean }) {
  const [open, setOpen] = useState(false);
  // Once opened, the report actions stay mounted while the menu is closed: an undo window, a
  // details step or a "This is genuine" countdown under way outlives a closed menu.
  const [opened, setOpened] = useState(false);
  const [gone, setGone] = useState(false);
  const menuId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  if (gone) return null;
  return (
    <span class={`cg-badge cg-badge-${assessment.level}${compact ? ' cg-badge-compact' : ''}`}>
      <button
        ref={toggle}
        type="button"
        class="cg-badge-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        title={t('badge_reasons_heading')}
        onClick={() => {
          setOpen(!open);
          setOpened(true);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      >
        <LevelLabel level={assessment.level} />
      </button>
      <section
        class="cg-popover"
        aria-label={t('badge_reasons_heading')}
        id={menuId}
        hidden={!open}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          setOpen(false);
          // The menu that had focus is hidden: focus goes back to the badge that opened it.
          toggle.current?.focus();
        }}
      >
        {/* Worded only when opened: a page of cards never pays for reasons nobody reads. */}
        {open && <ReasonList reasons={assessment.reasons} level={assessment.level} />}
        {opened && (
          <ReportActions
            target={{ key: assessment.key }}
            genuineOffered={warns(assessment)}
            onGenuine={() => setGone(true)}
            onPage
          />
        )}
      </section>
    </span>
  );
}
