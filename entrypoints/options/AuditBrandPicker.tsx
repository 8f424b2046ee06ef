import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorText } from '../../src/error-text';
import { type BrandSummary, brandSearch } from '../../src/matching/search';
import { auditBrandsItem } from '../../src/settings/items';
import { t } from '../../src/ui/i18n';
import { useRegistryBrands } from '../../src/ui/load';

/** How many matches the list offers at once: enough for typos, short enough to read. */
const RESULT_LIMIT = 8;

const optionId = (index: number) => `audit-brand-option-${index}`;

/**
 * The brands a volunteer audits: a search box with a list of matches (typos allowed; arrow keys
 * move, Enter adds), the chosen brands as removable chips, saved at once as registry ids. An id
 * the registry in use does not know stays visible, named as such, until the volunteer removes it.
 */
export function AuditBrandPicker() {
  const load = useRegistryBrands();
  const [chosen, setChosen] = useState<string[] | undefined>(undefined);
  const [readError, setReadError] = useState<string | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const chipsRef = useRef<HTMLUListElement>(null);
  /** Where the keyboard goes once a removal has rendered: a chip's id, or the search box. */
  const focusNext = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    auditBrandsItem.getValue().then(
      (ids) => setChosen(ids),
      (error: unknown) => {
        setReadError(errorText(error));
        setChosen([]);
      },
    );
    // Another options page or the audit page may change them too.
    return auditBrandsItem.watch((ids) => setChosen(ids ?? []));
  }, []);

  const byId = useMemo(
    () => new Map(load.kind === 'ready' ? load.value.map((brand) => [brand.id, brand]) : []),
    [load],
  );
  const search = useMemo(() => (load.kind === 'ready' ? brandSearch(load.value) : undefined), [load]);
  const results = useMemo(() => (search ? search(query, RESULT_LIMIT) : []), [search, query]);
  const open = results.length > 0;
  const current = open ? Math.min(active, results.length - 1) : -1;

  useEffect(() => {
    if (focusNext.current === undefined) return;
    const target = focusNext.current;
    focusNext.current = undefined;
    const chip =
      target === null
        ? undefined
        : [...(chipsRef.current?.querySelectorAll<HTMLButtonElement>('button[data-brand]') ?? [])].find(
            (button) => button.dataset.brand === target,
          );
    (chip ?? inputRef.current)?.focus();
  }, [chosen]);

  const nameOf = (id: string) => byId.get(id)?.name ?? id;

  async function save(next: string[], words: string) {
    const before = chosen ?? [];
    setChosen(next);
    try {
      await auditBrandsItem.setValue(next);
      setStatus(words);
    } catch (error) {
      setChosen(before);
      setStatus(t('options_audit_brands_save_error', [errorText(error)]));
    }
  }

  function add(brand: BrandSummary) {
    const ids = chosen ?? [];
    if (ids.includes(brand.id)) {
      setStatus(t('options_audit_brands_already', [brand.name]));
      return;
    }
    setQuery('');
    setActive(0);
    void save([...ids, brand.id], t('options_audit_brands_added', [brand.name, ids.length + 1]));
  }

  function remove(id: string) {
    const ids = chosen ?? [];
    const at = ids.indexOf(id);
    if (at < 0) return;
    const next = ids.filter((held) => held !== id);
    // The chip that takes its place, else the one before, else the search box.
    focusNext.current = next[at] ?? next[at - 1] ?? null;
    void save(next, t('options_audit_brands_removed', [nameOf(id), next.length]));
  }

  function onKeyDown(event: KeyboardEvent) {
    switch (event.key) {
      case 'ArrowDown':
        if (!open) return;
        event.preventDefault();
        setActive((current + 1) % results.length);
        break;
      case 'ArrowUp':
        if (!open) return;
        event.preventDefault();
        setActive((current - 1 + results.length) % results.length);
        break;
      case 'Home':
      case 'End':
        if (!open || !event.ctrlKey) return;
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : results.length - 1);
        break;
      case 'Enter': {
        event.preventDefault();
        const brand = results[current];
        if (brand) add(brand);
        else if (query.trim() !== '') setStatus(t('options_audit_brands_none', [query.trim()]));
        break;
      }
      case 'Escape':
        if (query === '') return;
        event.preventDefault();
        setQuery('');
        setActive(0);
        break;
    }
  }

  const ids = chosen ?? [];
  const ready = load.kind === 'ready' && chosen !== undefined;

  return (
    <section class="cg-audit-brands" aria-labelledby="audit-brands-heading">
      <h3 id="audit-brands-heading">{t('options_audit_brands_heading')}</h3>
      <label for="audit-brand-query">{t('options_audit_brands_label')}</label>
      <div class="cg-combobox">
        <input
          id="audit-brand-query"
          ref={inputRef}
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          value={query}
          disabled={!ready}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls="audit-brand-options"
          aria-activedescendant={current >= 0 ? optionId(current) : undefined}
          aria-describedby="audit-brand-hint audit-brand-results"
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <div
          id="audit-brand-options"
          class="cg-listbox"
          role="listbox"
          aria-label={t('options_audit_brands_options')}
          hidden={!open}
        >
          {results.map((brand, index) => {
            const held = ids.includes(brand.id);
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works through the combobox (arrow keys, Enter), as the pattern asks.
              <div
                key={brand.id}
                id={optionId(index)}
                role="option"
                // Reached through the combobox (aria-activedescendant), never by Tab.
                tabIndex={-1}
                class={`cg-option${index === current ? ' cg-option-active' : ''}`}
                aria-selected={index === current}
                data-brand={brand.id}
                // Keep the keyboard in the search box when the pointer picks.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => add(brand)}
              >
                <span class="cg-option-name">{brand.name}</span>
                {held && <span class="cg-hint"> {t('options_audit_brands_option_held')}</span>}
              </div>
            );
          })}
        </div>
      </div>
      <p id="audit-brand-hint" class="cg-hint">
        {t('options_audit_brands_hint')}
      </p>
      <p id="audit-brand-results" class="cg-hint cg-audit-results" aria-live="polite">
        {load.kind === 'loading' && t('options_audit_brands_loading')}
        {load.kind === 'ready' &&
          query.trim() !== '' &&
          (open ? t('options_audit_brands_found', [results.length]) : t('options_audit_brands_none', [query.trim()]))}
      </p>
      {load.kind === 'error' && (
        <p role="alert" class="cg-audit-error">
          {t('options_audit_brands_load_error', [load.detail])}
        </p>
      )}
      {readError !== undefined && (
        <p role="alert" class="cg-audit-error">
          {t('options_audit_brands_read_error', [readError])}
        </p>
      )}

      <h4 id="audit-chosen-heading" class="cg-audit-subheading">
        {t('options_audit_brands_chosen_heading')}
      </h4>
      {chosen !== undefined && ids.length === 0 && <p class="cg-audit-empty">{t('options_audit_brands_empty')}</p>}
      <ul class="cg-chips" ref={chipsRef} aria-labelledby="audit-chosen-heading">
        {ids.map((id) => {
          const brand = byId.get(id);
          const unknown = load.kind === 'ready' && !brand;
          const name = brand?.name ?? id;
          return (
            <li key={id} class={`cg-chip${unknown ? ' cg-chip-unknown' : ''}`} data-brand={id}>
              <span class="cg-chip-name">{unknown ? t('options_audit_brands_unknown', [id]) : name}</span>
              <button
                type="button"
                class="cg-chip-remove"
                data-brand={id}
                aria-label={t('options_audit_brands_remove', [name])}
                onClick={() => remove(id)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p class="cg-status cg-audit-brands-status" role="status">
        {status}
      </p>
    </section>
  );
}
