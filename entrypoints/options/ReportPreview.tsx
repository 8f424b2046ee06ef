import type { ComponentChild } from 'preact';
import type { Report } from '../../src/reports/report';
import { count, date, t, uiLanguage, uiWords } from '../../src/ui/i18n';
import { LevelLabel } from '../../src/ui/LevelLabel';
import { formatMoney } from '../../src/words/numbers';
import { describeReason } from '../../src/words/reasons';
import { marketplaceName } from '../../src/words/words';
import { fieldValue, fieldWords, type ReportField, reportFields } from './report-fields';

/** Values a person reads better in words than as they travel; every other field shows as sent. */
const SHOWN: Partial<Record<ReportField, (report: Report) => ComponentChild>> = {
  'listing.title': (report) => <bdi>{report.listing.title}</bdi>,
  'listing.seller': (report) => <bdi>{report.listing.seller}</bdi>,
  'listing.price': (report) =>
    report.listing.price && formatMoney(report.listing.price.amount, report.listing.price.currency, uiLanguage()),
  'listing.marketplace': (report) => marketplaceName(report.listing.marketplace, uiWords),
  level: (report) => <LevelLabel level={report.level} />,
  reasons: (report) => (
    <ul class="cg-reasons">
      {report.reasons.map((reason) => (
        <li key={`${reason.code} ${JSON.stringify(reason.params)}`}>{describeReason(reason, uiWords)}</li>
      ))}
    </ul>
  ),
  createdAt: (report) => <time dateTime={report.createdAt}>{date(report.createdAt)}</time>,
  screenshot: () => t('options_report_value_screenshot'),
};

/**
 * A report as a person reads it: each field it can hold, named in words, with its value in the
 * sample and why it is sent. The fields come from the report's schema and the values from a
 * report the real composer made, so the preview cannot tell of fields a report does not send.
 */
export function ReportPreview({ report }: { report: Report }) {
  const fields = reportFields();
  return (
    <details class="cg-preview" id="report-preview">
      <summary>{t('options_reports_fields_show', [count(fields.length)])}</summary>
      <table class="cg-history-table cg-fields">
        <caption>{t('options_reports_fields_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('options_reports_fields_col_field')}</th>
            <th scope="col">{t('options_reports_fields_col_value')}</th>
            <th scope="col">{t('options_reports_fields_col_why')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const value = fieldValue(report, field);
            const words = fieldWords(field);
            return (
              <tr key={field} data-field={field}>
                <th scope="row">{t(words.name)}</th>
                <td class={value === undefined ? 'cg-field-absent' : 'cg-field-value'}>
                  {value === undefined
                    ? t('options_report_value_absent')
                    : (SHOWN[field]?.(report) ?? <code>{String(value)}</code>)}
                </td>
                <td class="cg-hint">{t(words.why)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
