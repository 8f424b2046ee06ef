import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { asksConsent, askToSendReports, maySendReports, REPORT_DATA } from '../../src/reports/consent';

/** The permissions a browser reports holding: Firefox adds data collection; Chromium has none. */
function holding(all: { data_collection?: string[] }) {
  Object.assign(fakeBrowser.permissions, { getAll: async () => ({ origins: [], permissions: [], ...all }) });
}

describe('consent before a report leaves the device', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks nothing where the browser has no data-collection consent (Chromium)', async () => {
    holding({});
    expect(await asksConsent()).toBe(false);
    expect(await maySendReports()).toBe(true);
  });

  it('holds reports in Firefox until every kind of data a report shares is allowed', async () => {
    holding({ data_collection: [] });
    expect(await asksConsent()).toBe(true);
    expect(await maySendReports()).toBe(false);
    holding({ data_collection: ['websiteContent'] });
    expect(await maySendReports()).toBe(false);
    holding({ data_collection: [...REPORT_DATA] });
    expect(await maySendReports()).toBe(true);
  });

  it('asks the browser for exactly what a report shares', async () => {
    const request = vi.fn(async () => true);
    Object.assign(fakeBrowser.permissions, { request });
    expect(await askToSendReports()).toBe(true);
    expect(request).toHaveBeenCalledWith({
      data_collection: ['websiteContent', 'browsingActivity', 'technicalAndInteraction'],
    });
  });
});
