import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Assessment } from '../../src/risk/assessment';
import { Banner } from '../../src/ui/Banner';
import { installI18n } from '../support/i18n';

const high: Assessment = {
  key: 'amazon:B0TESTLVB1',
  level: 'high',
  score: 85,
  brand: 'louis-vuitton',
  reasons: [
    { code: 'brand_recognised', weight: 0, params: { brand: 'Louis Vuitton' } },
    { code: 'brand_absent_from_marketplace', weight: 40, params: { brand: 'Louis Vuitton', marketplace: 'amazon' } },
  ],
};

describe('the product-page banner', () => {
  let root: HTMLElement;
  beforeEach(() => {
    installI18n();
    document.body.innerHTML = '';
    root = document.createElement('div');
    document.body.append(root);
  });

  it('names the level in words and lists the reasons that weigh', () => {
    render(<Banner assessment={high} onDismiss={() => {}} />, root);
    expect(root.querySelector('section')?.getAttribute('aria-label')).toBe(
      'Counterfeit Guard warning about this listing',
    );
    expect(root.querySelector('.cg-banner-title')?.textContent).toBe(
      'This listing shows strong signs of a counterfeit',
    );
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Louis Vuitton does not sell new goods on Amazon',
    ]);
  });

  it('is dismissed by its button or by Escape', () => {
    const onDismiss = vi.fn();
    render(<Banner assessment={high} onDismiss={onDismiss} />, root);
    root.querySelector<HTMLButtonElement>('.cg-banner-dismiss')!.click();
    root.querySelector('section')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onDismiss).toHaveBeenCalledTimes(2);
  });
});
