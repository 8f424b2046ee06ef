import { count, type MessageKey, t, uiLanguage } from '../../src/ui/i18n';
import type { PopupGroups } from './groups';

/**
 * The page's verdict in words and counts, first in the popup. "No warning signs found" claims no
 * more than that: a listing the registry knows nothing of is never called safe.
 */
export function Verdict({ groups }: { groups: PopupGroups }) {
  const total = groups.suspect.length + groups.clear.length + groups.unassessed.length;
  const suspect = groups.suspect.length;
  let words: string;
  if (total === 1)
    words = t(
      suspect
        ? 'popup_verdict_suspect_single'
        : groups.clear.length
          ? 'popup_verdict_clear_single'
          : 'popup_verdict_unassessed_single',
    );
  else if (suspect > 0) {
    const form = new Intl.PluralRules(uiLanguage()).select(suspect) === 'one' ? 'one' : 'other';
    words = t(`popup_verdict_suspect_${form}` as MessageKey, [count(suspect), count(total)]);
  } else words = t(groups.clear.length ? 'popup_verdict_clear' : 'popup_verdict_unassessed', [count(total)]);
  return (
    <p class={`cg-verdict${suspect ? ' cg-verdict-suspect' : ''}`} role="status">
      {words}
    </p>
  );
}
