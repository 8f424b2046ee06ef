import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installI18n } from '../support/i18n';

const sent = vi.hoisted(() => [] as unknown[][]);
vi.mock('../../src/messaging/protocol', () => ({
  sendMessage: (...args: unknown[]) => {
    sent.push(args);
    return Promise.resolve({ outcome: 'not_found' });
  },
}));

const { ReportActions } = await import('../../src/ui/ReportActions');

describe('the report actions', () => {
  let root: HTMLElement;
  beforeEach(() => {
    installI18n();
    sent.length = 0;
    document.body.innerHTML = '';
    root = document.createElement('div');
    document.body.append(root);
  });

  it('offer Report, and "This is genuine" only where there is a warning, labelled as a group', async () => {
    render(<ReportActions target={{ key: 'ebay:204512345678' }} genuineOffered />, root);
    expect([...root.querySelectorAll('button')].map((button) => button.textContent)).toEqual([
      'Report',
      'This is genuine',
    ]);
    expect(root.querySelector('fieldset')?.getAttribute('aria-label')).toBe('Report this listing');
    render(<ReportActions target={{ key: 'ebay:204512345678' }} genuineOffered={false} />, root);
    expect([...root.querySelectorAll('button')].map((button) => button.textContent)).toEqual(['Report']);
  });

  it('ignore clicks a script makes: nothing is sent and nothing changes', async () => {
    render(<ReportActions target={{ key: 'ebay:204512345678' }} genuineOffered />, root);
    for (const button of root.querySelectorAll('button')) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toEqual([]);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('');
  });
});
