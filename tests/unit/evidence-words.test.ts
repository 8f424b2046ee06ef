import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportReports } from '../../src/reports/evidence';
import { t, uiLanguage } from '../../src/ui/i18n';
import { ENGLISH } from '../../src/words/english';
import { makeReport } from '../server/fixtures';

describe('evidence drafted on an extension page', () => {
  it('is worded in the words it is given, never the page’s own', () => {
    // The page's own words: a catalogue that is not English.
    fakeBrowser.i18n.getMessage = ((key: string) => (key === 'extName' ? 'Fälschungswächter' : '')) as never;
    fakeBrowser.i18n.getUILanguage = () => 'de';
    const notice = exportReports('dsa-notice', [{ report: makeReport() }], ENGLISH, {
      now: new Date('2026-11-29T12:00:00Z'),
    }).body;
    expect(notice).toContain('eBay');
    expect(notice).toContain('replica');
    expect(notice).not.toContain('marketplace_ebay');
    expect(t('extName')).toBe('Fälschungswächter');
    expect(uiLanguage()).toBe('de');
  });
});
