import { t } from '../../src/ui/i18n';
import { SECTIONS, type SectionId } from './sections';

/**
 * The table of contents: a link to each section, the one being read marked (aria-current) by
 * weight and a bar as well as colour. In-page links, so the browser's own keys, history and
 * find-in-page work as on any page.
 */
export function SectionNav({ current, onFollow }: { current: SectionId; onFollow: (id: SectionId) => void }) {
  return (
    <nav class="cg-toc" aria-label={t('options_toc_label')}>
      <ul>
        {SECTIONS.map(({ id, heading }) => (
          <li key={id}>
            <a href={`#${id}`} aria-current={current === id ? 'location' : undefined} onClick={() => onFollow(id)}>
              {t(heading)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
