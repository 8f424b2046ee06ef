import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../src/messaging/protocol';
import { type RuleHealth, type RuleHealthEntry, ruleHealthItem } from '../../src/settings/items';
import { t, uiLanguage, uiWords } from '../../src/ui/i18n';
import { formatDate } from '../../src/words/numbers';
import { marketplaceName } from '../../src/words/words';

/**
 * Which marketplaces' rules read nothing on pages where the reader's lower layers still found
 * the listings: a volunteer can tell the project the rules look out of date. Kept on this
 * device only; clearing forgets it.
 */
export function RuleHealthPanel() {
  const [health, setHealth] = useState<RuleHealth | undefined>(undefined);

  useEffect(() => {
    void ruleHealthItem.getValue().then(setHealth);
    return ruleHealthItem.watch(setHealth);
  }, []);

  const entries: RuleHealthEntry[] = Object.values(health ?? {}).sort((a, b) => b.pages - a.pages);
  return (
    <section class="cg-rule-health" aria-labelledby="rule-health-heading">
      <h3 id="rule-health-heading">{t('options_rule_health_heading')}</h3>
      <p class="cg-hint">{t('options_rule_health_intro')}</p>
      {health !== undefined && entries.length === 0 && <p>{t('options_rule_health_none')}</p>}
      {entries.length > 0 && (
        <>
          <ul>
            {entries.map((entry) => (
              <li key={`${entry.marketplace} ${entry.host}`}>
                {t('options_rule_health_entry', [
                  marketplaceName(entry.marketplace, uiWords),
                  entry.host,
                  String(entry.pages),
                  formatDate(entry.last, uiLanguage()),
                ])}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void sendMessage('clearRuleHealth', null)}>
            {t('options_rule_health_clear')}
          </button>
        </>
      )}
    </section>
  );
}
