import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../src/ui/i18n';
import { LevelLabel } from '../../src/ui/LevelLabel';
import { ReasonList } from '../../src/ui/ReasonList';
import { isolate } from '../../src/words/words';
import type { ViewRow } from './rows';

/** A row's reasons in full, below the list; Escape or Close returns the keyboard to the row. */
export function ReasonsPanel(props: { id: string; row: ViewRow; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [props.row.key]);
  const headingId = `${props.id}-heading`;
  return (
    <section
      id={props.id}
      class="cg-audit-reasons-panel"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        props.onClose();
      }}
    >
      <div class="cg-audit-reasons-head">
        <h3 id={headingId} tabIndex={-1} ref={heading}>
          {t('audit_reasons_heading', [isolate(props.row.listing.title)])}
        </h3>
        <button type="button" class="cg-button" onClick={props.onClose}>
          {t('audit_reasons_close')}
        </button>
      </div>
      <LevelLabel level={props.row.assessment.level} />
      <ReasonList reasons={props.row.assessment.reasons} level={props.row.assessment.level} />
    </section>
  );
}
