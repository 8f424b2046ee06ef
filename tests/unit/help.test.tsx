import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HelpApp } from '../../entrypoints/help/HelpApp';
import type { PublishedAccuracy } from '../../src/risk/accuracy';
import accuracy from '../../src/risk/accuracy.json';
import { installI18n } from '../support/i18n';

const published = accuracy as PublishedAccuracy;

describe('the help page: how judgements are made, and how far to trust them', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installI18n();
  });

  it('gives the figures eval published, with their date and count, and a row per channel', () => {
    const root = document.createElement('div');
    render(<HelpApp />, root);
    const text = root.textContent ?? '';
    const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(published.measuredOn),
    );
    expect(text).toContain(`Measured on ${published.listings.toLocaleString('en-US')} real listings`);
    expect(text).toContain(date);
    const share = (x: number | null) =>
      x === null ? '—' : new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(x);
    expect(text).toContain(
      `of the ${published.suspects} listings people judged counterfeit suspects, it warned on ${share(published.recall)}`,
    );
    const rows = [...root.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toHaveLength(published.channels.length);
    for (const [i, one] of published.channels.entries())
      expect(rows[i]!.slice(1)).toEqual([
        one.listings.toLocaleString('en-US'),
        `${share(one.recall)} of ${one.suspects.toLocaleString('en-US')}`,
        `${share(one.falseAlarms)} of ${one.honest.toLocaleString('en-US')}`,
      ]);
    // Every channel has words of its own, never its code.
    expect(rows.filter((row, i) => row[0] === published.channels[i]!.channel)).toEqual([]);
    // Each mark is explained, and "no warning signs" promises nothing.
    expect(root.querySelectorAll('dt')).toHaveLength(4);
    expect(text).toContain('it is not a promise that the item is genuine');
  });
});
