import type { Reason } from '../risk/assessment';
import { describeReason } from '../words/reasons';
import { uiWords } from './i18n';

/** Reasons, heaviest first; page text in them reaches the DOM as text nodes only. */
export function ReasonList({ reasons, id, hidden }: { reasons: readonly Reason[]; id?: string; hidden?: boolean }) {
  const sorted = [...reasons].sort((a, b) => b.weight - a.weight);
  return (
    <ul class="cg-reasons" id={id} hidden={hidden}>
      {sorted.map((reason) => (
        <li key={reason.code}>{describeReason(reason, uiWords)}</li>
      ))}
    </ul>
  );
}
