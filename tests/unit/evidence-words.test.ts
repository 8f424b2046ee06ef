import { describe, expect, it } from 'vitest';
import { toDsaNotice } from '../../src/reports/evidence';
import { t, uiLanguage, useCatalogue } from '../../src/ui/i18n';
import { makeReport } from '../server/fixtures';

describe('evidence drafted on an extension page', () => {
  it('is worded in English, and leaves the page’s own words and language in use after', () => {
    // The page's own words: a catalogue that is not English.
    useCatalogue((key) => (key === 'extName' ? 'Fälschungswächter' : ''), 'de');
    const notice = toDsaNotice([{ report: makeReport() }], { now: new Date('2026-11-29T12:00:00Z') }).body;
    expect(notice).toContain('eBay');
    expect(notice).toContain('replica');
    expect(t('extName')).toBe('Fälschungswächter');
    expect(uiLanguage()).toBe('de');
  });
});
