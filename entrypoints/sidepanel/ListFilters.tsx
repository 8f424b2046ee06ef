import type { Marketplace } from '../../src/listing/listing';
import { count, type MessageKey, t, uiWords } from '../../src/ui/i18n';
import { marketplaceName } from '../../src/words/words';
import { type Filter, isFiltered, type LevelFilter, NO_FILTER } from './rows';

const LEVELS: { value: LevelFilter; label: MessageKey }[] = [
  { value: 'all', label: 'audit_filter_level_all' },
  { value: 'suspect', label: 'audit_filter_level_suspect' },
  { value: 'high', label: 'audit_filter_level_high' },
];

/** Find in title or seller; level; marketplace when the rows come from more than one. */
export function ListFilters(props: {
  id: string;
  filter: Filter;
  onChange: (filter: Filter) => void;
  marketplaces: readonly Marketplace[];
  shown: number;
  total: number;
}) {
  const { id, filter, onChange } = props;
  return (
    <fieldset class="cg-audit-filters">
      <legend class="cg-visually-hidden">{t('audit_filters_label')}</legend>
      <div class="cg-audit-field cg-audit-field-text">
        <label for={`${id}-text`}>{t('audit_filter_text')}</label>
        <input
          id={`${id}-text`}
          type="search"
          value={filter.text}
          autocomplete="off"
          spellcheck={false}
          onInput={(event) => onChange({ ...filter, text: event.currentTarget.value })}
        />
      </div>
      <div class="cg-audit-field">
        <label for={`${id}-level`}>{t('audit_filter_level')}</label>
        <select
          id={`${id}-level`}
          value={filter.level}
          onChange={(event) => onChange({ ...filter, level: event.currentTarget.value as LevelFilter })}
        >
          {LEVELS.map((level) => (
            <option key={level.value} value={level.value}>
              {t(level.label)}
            </option>
          ))}
        </select>
      </div>
      {(props.marketplaces.length > 1 || filter.marketplace !== 'all') && (
        <div class="cg-audit-field">
          <label for={`${id}-marketplace`}>{t('audit_filter_marketplace')}</label>
          <select
            id={`${id}-marketplace`}
            value={filter.marketplace}
            onChange={(event) =>
              onChange({ ...filter, marketplace: event.currentTarget.value as Filter['marketplace'] })
            }
          >
            <option value="all">{t('audit_filter_marketplace_all')}</option>
            {props.marketplaces.map((marketplace) => (
              <option key={marketplace} value={marketplace}>
                {marketplaceName(marketplace, uiWords)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="cg-audit-count">
        <p role="status">{t('audit_filter_count', [count(props.shown), count(props.total)])}</p>
        {isFiltered(filter) && (
          <button type="button" class="cg-link-button" onClick={() => onChange(NO_FILTER)}>
            {t('audit_filter_clear')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
