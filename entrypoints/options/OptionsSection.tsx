import type { ComponentChildren } from 'preact';
import { t } from '../../src/ui/i18n';
import { headingId, SECTIONS, type SectionId } from './sections';

/** One section of the options page: a region named by its heading, the target of its link in the table of contents. */
export function OptionsSection({
  id,
  class: className,
  children,
}: {
  id: SectionId;
  class?: string;
  children: ComponentChildren;
}) {
  const heading = SECTIONS.find((section) => section.id === id)!.heading;
  return (
    <section id={id} class={`cg-section${className ? ` ${className}` : ''}`} aria-labelledby={headingId(id)}>
      <h2 id={headingId(id)}>{t(heading)}</h2>
      {children}
    </section>
  );
}
