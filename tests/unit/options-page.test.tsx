import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../entrypoints/options/OptionsApp';
import { reporterId } from '../../src/background/reporter-id';
import type { BrandSummary } from '../../src/matching/search';
import { sendMessage } from '../../src/messaging/protocol';
import { installI18n } from '../support/i18n';
import { installPermissions } from '../support/permissions';

vi.mock('../../src/messaging/protocol', () => ({ sendMessage: vi.fn(), onMessage: vi.fn(() => () => undefined) }));
const send = vi.mocked(sendMessage) as unknown as ReturnType<typeof vi.fn<(type: string, data: unknown) => unknown>>;

const BRANDS: BrandSummary[] = [
  { id: 'nike', name: 'Nike', aliases: [], group: 'sneakers-sportswear', lowestFloorUsd: 60, absentFrom: [] },
];

function answer(type: string): unknown {
  switch (type) {
    case 'registryStatus':
      return { version: 42, source: 'bundled', brands: BRANDS.length, updates: false };
    case 'registryBrands':
      return BRANDS;
    case 'reporterId':
      return reporterId();
    case 'reportHistory':
    case 'auditHistory':
      return [];
    default:
      throw new Error(`unexpected message ${type}`);
  }
}

/** The sections, the words of their links and the controls each must hold, in the page's order. */
const SECTIONS = [
  { id: 'protection', words: 'Protection', holds: ['#any-shop', '#sensitivity-balanced'] },
  {
    id: 'reports',
    words: 'Reports',
    holds: ['#report-screenshots', '#reporter-id-heading', '#report-preview-heading', '#report-history-heading'],
  },
  {
    id: 'audit',
    words: 'Audit mode',
    holds: [
      '#audit-brand-query',
      '#volunteer-token',
      '#share-audit-counts',
      '#share-sightings',
      '#audit-history-heading',
    ],
  },
  { id: 'registry', words: 'Registry', holds: ['#registry-heading', '#brand-query', '#rule-health-heading'] },
  { id: 'about', words: 'About', holds: ['a[href$="/help.html"]', 'a[href="#report-preview-heading"]'] },
];

let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
  installPermissions();
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Counterfeit Guard', version: '0.1.0' });
  send.mockReset();
  send.mockImplementation(async (type) => answer(type));
  history.replaceState(null, '', '/options.html');
  document.body.innerHTML = '';
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
});

const links = () => [...root.querySelectorAll<HTMLAnchorElement>('nav.cg-toc a')];
const current = () => links().filter((link) => link.hasAttribute('aria-current'));

async function show() {
  render(<OptionsApp />, root);
  await vi.waitFor(() => expect(root.querySelector('#registry-heading')).not.toBeNull());
}

describe('the options page in sections', () => {
  it('leads from a table of contents to five sections, each a region named by its heading', async () => {
    await show();
    const nav = root.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).toBe('Sections of the settings');
    expect(links().map((link) => [link.getAttribute('href'), link.textContent])).toEqual(
      SECTIONS.map(({ id, words }) => [`#${id}`, words]),
    );
    const main = root.querySelector('main')!;
    const sections = [...main.querySelectorAll(':scope > section')];
    expect(sections.map((section) => section.id)).toEqual(SECTIONS.map(({ id }) => id));
    for (const section of sections) {
      const heading = root.querySelector(`#${section.getAttribute('aria-labelledby')}`)!;
      expect(heading.tagName).toBe('H2');
      expect(heading.parentElement).toBe(section);
      const link = links().find((candidate) => candidate.getAttribute('href') === `#${section.id}`)!;
      expect(heading.textContent).toBe(link.textContent);
    }
    // The sections' headings are the page's only second-level ones: each panel in them is a level below.
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(SECTIONS.map(({ words }) => words));
    expect(root.querySelectorAll('h1')).toHaveLength(1);
  });

  it('puts every panel in the section it belongs to', async () => {
    await show();
    for (const { id, holds } of SECTIONS) {
      for (const selector of holds) {
        const element = root.querySelector(selector);
        expect(element, selector).not.toBeNull();
        expect(element!.closest('main > section')?.id, selector).toBe(id);
      }
    }
    expect(root.querySelector('#about')?.textContent).toContain('Counterfeit Guard, version 0.1.0.');
  });

  it('marks the section being read in the contents: the first at first, then the one a link leads to', async () => {
    await show();
    expect(current().map((link) => link.textContent)).toEqual(['Protection']);
    expect(current()[0]!.getAttribute('aria-current')).toBe('location');

    links()[2]!.click();
    await vi.waitFor(() => expect(current().map((link) => link.textContent)).toEqual(['Audit mode']));

    // Back and forward, or an address with its #part, move the mark too.
    history.replaceState(null, '', '/options.html#registry');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(current().map((link) => link.textContent)).toEqual(['Registry']));
  });

  it('starts on the section an address names', async () => {
    history.replaceState(null, '', '/options.html#reports');
    await show();
    expect(current().map((link) => link.textContent)).toEqual(['Reports']);
  });
});
