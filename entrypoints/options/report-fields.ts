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

/**
 * Each field's name in words and why it is sent. Typed over the report's own fields, so a field
 * added to the schema fails the type check until it is worded here.
 */
export const FIELD_WORDS: Record<ReportField, { name: MessageKey; why: MessageKey }> = {
  id: { name: 'options_report_field_id', why: 'options_report_field_id_why' },
  reporterId: { name: 'options_report_field_reporter_id', why: 'options_report_field_reporter_id_why' },
  withdrawKey: { name: 'options_report_field_withdraw_key', why: 'options_report_field_withdraw_key_why' },
  'listing.key': { name: 'options_report_field_listing_key', why: 'options_report_field_listing_key_why' },
  'listing.url': { name: 'options_report_field_listing_url', why: 'options_report_field_listing_url_why' },
  'listing.title': { name: 'options_report_field_listing_title', why: 'options_report_field_listing_title_why' },
  'listing.price': { name: 'options_report_field_listing_price', why: 'options_report_field_listing_price_why' },
  'listing.seller': { name: 'options_report_field_listing_seller', why: 'options_report_field_listing_seller_why' },
  'listing.marketplace': {
    name: 'options_report_field_listing_marketplace',
    why: 'options_report_field_listing_marketplace_why',
  },
  brand: { name: 'options_report_field_brand', why: 'options_report_field_brand_why' },
  level: { name: 'options_report_field_level', why: 'options_report_field_level_why' },
  reasons: { name: 'options_report_field_reasons', why: 'options_report_field_reasons_why' },
  registryVersion: {
    name: 'options_report_field_registry_version',
    why: 'options_report_field_registry_version_why',
  },
  category: { name: 'options_report_field_category', why: 'options_report_field_category_why' },
  note: { name: 'options_report_field_note', why: 'options_report_field_note_why' },
  createdAt: { name: 'options_report_field_created_at', why: 'options_report_field_created_at_why' },
  extensionVersion: {
    name: 'options_report_field_extension_version',
    why: 'options_report_field_extension_version_why',
  },
  screenshot: { name: 'options_report_field_screenshot', why: 'options_report_field_screenshot_why' },
};
