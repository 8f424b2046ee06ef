import type { Level, Reason } from '../risk/assessment';
import { describeReasons } from '../words/reasons';
import { uiWords } from './i18n';

/** Reasons in words, heaviest first (an outweighed sign said so); page text in them reaches the DOM as text nodes only. */
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
      {describeReasons({ level, reasons: [...reasons] }, uiWords).map((words) => (
        <li key={words}>{words}</li>
      ))}
    </ul>
  );
}
