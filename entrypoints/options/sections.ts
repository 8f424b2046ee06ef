import type { MessageKey } from '../../src/ui/i18n';

/** The options page's sections, in the page's order: the table of contents is made from this. */
export const SECTIONS = [
  { id: 'protection', heading: 'options_section_protection' },
  { id: 'reports', heading: 'options_reports_heading' },
  { id: 'audit', heading: 'options_audit_heading' },
  { id: 'registry', heading: 'options_section_registry' },
  { id: 'about', heading: 'options_section_about' },
] as const satisfies readonly { id: string; heading: MessageKey }[];

export type SectionId = (typeof SECTIONS)[number]['id'];

export const headingId = (id: SectionId) => `${id}-title`;
