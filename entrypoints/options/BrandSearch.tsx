import { useMemo, useState } from 'preact/hooks';
import { brandSearch } from '../../src/matching/search';
import { type MessageKey, t, uiLanguage, uiWords } from '../../src/ui/i18n';
import { useRegistryBrands } from '../../src/ui/load';
import { formatMoney } from '../../src/words/numbers';
import { marketplaceName } from '../../src/words/words';

const groupName = (group: string) => {
  // Message names allow letters, digits and underscores only.
  const key = `group_${group.replaceAll('-', '_')}` as MessageKey;
  const words = t(key);
  return words === key ? group : words;
};

/** Search the registry's brands as one types, typos allowed (fuse.js), with what is known of each. */
export function BrandSearch() {
  const load = useRegistryBrands();
  const [query, setQuery] = useState('');

  const search = useMemo(() => (load.kind === 'ready' ? brandSearch(load.value) : undefined), [load]);
  const results = search ? search(query) : [];

  return (
    <section class="cg-brands" aria-labelledby="brands-heading">
      <h3 id="brands-heading">{t('options_brands_heading')}</h3>
      <label for="brand-query">{t('options_brands_label')}</label>
      <input
        id="brand-query"
        type="search"
        value={query}
        disabled={load.kind !== 'ready'}
        aria-describedby="brand-query-hint brand-count"
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <p id="brand-query-hint" class="cg-hint">
        {t('options_brands_hint')}
      </p>
      <p id="brand-count" class="cg-status" role="status">
        {load.kind === 'loading' && t('options_brands_loading')}
        {load.kind === 'error' && t('options_brands_error', [load.detail])}
        {load.kind === 'ready' &&
          (query.trim() === ''
            ? t('options_brands_total', [load.value.length])
            : results.length === 0
              ? t('options_brands_none', [query.trim()])
              : t('options_brands_found', [results.length]))}
      </p>
      <ul class="cg-brand-list">
        {results.map((brand) => (
          <li key={brand.id} class="cg-brand">
            <strong>{brand.name}</strong> <span class="cg-hint">{groupName(brand.group)}</span>
            {brand.aliases.length > 0 && <div>{t('options_brand_aliases', [brand.aliases.join(', ')])}</div>}
            <div>{t('options_brand_floor', [formatMoney(brand.lowestFloorUsd, 'USD', uiLanguage())])}</div>
            {brand.absentFrom.length > 0 && (
              <div>
                {t('options_brand_absent', [brand.absentFrom.map((m) => marketplaceName(m, uiWords)).join(', ')])}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
