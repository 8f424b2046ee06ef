import { useMemo, useState } from 'preact/hooks';
import type { Level, Reason } from '../risk/assessment';
import { evidenceOf } from '../words/evidence';
import { describeReasons } from '../words/reasons';
import { t, uiWords } from './i18n';

/**
 * Reasons in words, heaviest first (an outweighed sign said so). A reason with evidence opens
 * on demand to show it: the sentence is the disclosure's own button, so a screen reader hears
 * the reason, not a row of identical "Evidence" buttons. Page text reaches the DOM as text nodes only.
 */
export function ReasonList({
  reasons,
  level,
  id,
  hidden,
}: {
  reasons: readonly Reason[];
  level: Level;
  id?: string;
  hidden?: boolean;
}) {
  return (
    <ul class="cg-reasons" id={id} hidden={hidden}>
      {describeReasons({ level, reasons: [...reasons] }, uiWords).map(({ reason, text }) => (
        <ReasonItem key={text} reason={reason} text={text} />
      ))}
    </ul>
  );
}

function ReasonItem({ reason, text }: { reason: Reason; text: string }) {
  const [open, setOpen] = useState(false);
  const evidence = useMemo(() => evidenceOf(reason, uiWords), [reason]);
  if (evidence.length === 0) return <li>{text}</li>;
  return (
    <li>
      <details class="cg-evidence" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
        <summary>{text}</summary>
        {/* Drawn only once opened, so the closed list reads as its sentences alone. */}
        {open && (
          <dl aria-label={t('evidence_label')}>
            {evidence.map(({ label, value }) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </details>
    </li>
  );
}
