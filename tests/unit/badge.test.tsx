import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/risk/assessment';
import { Badge } from '../../src/ui/Badge';
import { installI18n } from '../support/i18n';

const caution: Assessment = {
  key: 'amazon:B0TESTNIK1',
  level: 'caution',
  score: 60,
  brand: 'nike',
  reasons: [
    { code: 'brand_recognised', weight: 0, params: { brand: 'Nike' } },
    { code: 'seller_not_authorised', weight: 15, params: { brand: 'Nike', seller: 'SHOE DEALS 24' } },
    {
      code: 'price_below_floor',
      weight: 45,
      params: { price: 29.99, floor: 65, percent: 54, currency: 'USD', brand: 'Nike', category: 'shoes' },
    },
  ],
};

describe('the badge', () => {
  let root: HTMLElement;
  beforeEach(() => {
    installI18n();
    document.body.innerHTML = '';
    root = document.createElement('div');
    document.body.append(root);
  });

  const open = async () => {
    root.querySelector('button')!.click();
    await new Promise((resolve) => setTimeout(resolve));
  };

  it('shows the level as icon and word, and when opened the reasons in words, heaviest first', async () => {
    render(<Badge assessment={caution} />, root);
    const toggle = root.querySelector('button')!;
    expect(toggle.textContent).toBe('⚠ Caution');
    // Reasons are worded only when asked for: a page of cards never pays for them.
    expect(root.querySelectorAll('li')).toHaveLength(0);
    await open();
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Priced at $29.99, 54% under the $65.00 a new genuine Nike item costs at the least',
      'Sold by SHOE DEALS 24, not a seller Nike is known to authorise here',
      'Sold under the Nike name',
    ]);
  });

  it('marks a listing without warning signs quietly, and says a sign it carries was outweighed', async () => {
    const outweighed = {
      ...caution,
      level: 'none' as const,
      reasons: [
        caution.reasons.find((reason) => reason.code === 'price_below_floor')!,
        { code: 'honest_used' as const, weight: -10, params: { term: 'pre-owned' } },
      ],
    };
    render(<Badge assessment={outweighed} />, root);
    expect(root.querySelector('button')!.textContent).toBe('○ No warning signs found');
    await open();
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Priced at $29.99, 54% under the $65.00 a new genuine Nike item costs at the least (weighed with the rest: not enough to warn)',
      'Sold as second-hand (“pre-owned”), so a lower price is expected',
    ]);
  });

  it('opens a reason on what it rests on: the words found, the price read beside the floor it was held to', async () => {
    const withWords: Assessment = {
      ...caution,
      reasons: [
        { code: 'brand_recognised', weight: 0, params: { brand: 'Nike', form: 'alias', text: 'NK' } },
        ...caution.reasons.slice(1),
        { code: 'counterfeit_terms', weight: 40, params: { brand: 'Nike', term: 'AAA replica' } },
        { code: 'community_flagged', weight: 10, params: {} },
      ],
    };
    render(<Badge assessment={withWords} />, root);
    await open();
    const evidence = (summary: string) => {
      const details = [...root.querySelectorAll('details')].find(
        (element) => element.querySelector('summary')!.textContent === summary,
      )!;
      return [...details.querySelectorAll('dl div')].map((row) => [
        row.querySelector('dt')!.textContent,
        row.querySelector('dd')!.textContent,
      ]);
    };
    const summaries = [...root.querySelectorAll('summary')];
    // Each reason that rests on something is its own disclosure, closed and evidence-free until asked.
    expect(summaries.map((summary) => summary.textContent)).toEqual([
      'Priced at $29.99, 54% under the $65.00 a new genuine Nike item costs at the least',
      'Describes itself as a copy: “AAA replica”',
      'Sold by SHOE DEALS 24, not a seller Nike is known to authorise here',
      'Sold under the Nike name',
    ]);
    // A reason with nothing behind its sentence stays a plain item.
    expect(root.querySelectorAll('li')).toHaveLength(5);
    expect(root.querySelectorAll('dl')).toHaveLength(0);
    for (const summary of summaries) summary.click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(evidence(summaries[0]!.textContent!)).toEqual([
      ['Price read from the page', '$29.99'],
      ['Least a new genuine one costs', '$65.00'],
    ]);
    expect(evidence(summaries[1]!.textContent!)).toEqual([['Words found', '“\u2068AAA replica\u2069”']]);
    expect(evidence(summaries[2]!.textContent!)).toEqual([['Seller', 'SHOE DEALS 24']]);
    expect(evidence(summaries[3]!.textContent!)).toEqual([
      ['Words found', '“\u2068NK\u2069”'],
      ['Matched as', 'another name the brand goes by'],
    ]);
    expect(root.querySelector('dl')!.getAttribute('aria-label')).toBe('Evidence');
  });

  it('opens and closes its reasons from the keyboard-reachable button', async () => {
    render(<Badge assessment={caution} />, root);
    const toggle = root.querySelector('button')!;
    const menu = root.querySelector<HTMLElement>(`[id="${toggle.getAttribute('aria-controls')}"]`)!;
    expect(menu).not.toBeNull();
    expect(menu.hidden).toBe(true);
    toggle.click();
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(menu.hidden).toBe(false);
    expect(menu.querySelector('ul')).not.toBeNull();
    toggle.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('renders page text as text, never as markup', async () => {
    const hostile: Assessment = {
      ...caution,
      reasons: [
        {
          code: 'seller_not_authorised',
          weight: 15,
          params: { brand: 'Nike', seller: '<img src=x onerror=alert(1)>' },
        },
      ],
    };
    render(<Badge assessment={hostile} />, root);
    await open();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('li')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
