import { type Report, ReportSchema } from '../../src/reports/report';
import type { MessageKey } from '../../src/ui/i18n';

/** A field of a report, the listing's own named through it ("listing.price"). */
export type ReportField = Exclude<keyof Report, 'listing'> | `listing.${keyof Report['listing']}`;

/**
 * Every field a report can hold, in the schema's order, read from the schema itself: a field
 * added to reports shows in the preview without anyone listing it here.
 */
export function reportFields(): ReportField[] {
  return Object.keys(ReportSchema.entries).flatMap((name) =>
    name === 'listing' ? Object.keys(ReportSchema.entries.listing.entries).map((inner) => `listing.${inner}`) : [name],
  ) as ReportField[];
}

/** A field's value in a report; undefined where this report leaves it out. */
export function fieldValue(report: Report, field: ReportField): unknown {
  if (field.startsWith('listing.')) return report.listing[field.slice('listing.'.length) as keyof Report['listing']];
  return report[field as Exclude<ReportField, `listing.${string}`>];
}

/** A field's name in words is a message `options_report_field_*`; why it is sent, the same key with `_why`. */
type FieldNameKey = MessageKey extends infer Key
  ? Key extends `options_report_field_${infer Field}_why`
    ? `options_report_field_${Field}`
    : never
  : never;

/**
 * Each field's words, by the message that names it. Typed over the report's own fields, so a field
 * added to the schema fails the type check until it is worded here (both messages).
 */
const FIELD_NAMES: Record<ReportField, FieldNameKey> = {
  id: 'options_report_field_id',
  reporterId: 'options_report_field_reporter_id',
  withdrawKey: 'options_report_field_withdraw_key',
  'listing.key': 'options_report_field_listing_key',
  'listing.url': 'options_report_field_listing_url',
  'listing.title': 'options_report_field_listing_title',
  'listing.price': 'options_report_field_listing_price',
  'listing.seller': 'options_report_field_listing_seller',
  'listing.marketplace': 'options_report_field_listing_marketplace',
  brand: 'options_report_field_brand',
  level: 'options_report_field_level',
  reasons: 'options_report_field_reasons',
  registryVersion: 'options_report_field_registry_version',
  category: 'options_report_field_category',
  note: 'options_report_field_note',
  createdAt: 'options_report_field_created_at',
  extensionVersion: 'options_report_field_extension_version',
  screenshot: 'options_report_field_screenshot',
};

export function fieldWords(field: ReportField): { name: MessageKey; why: MessageKey } {
  const name = FIELD_NAMES[field];
  return { name, why: `${name}_why` };
}
