import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RegistryStatusPanel } from '../../entrypoints/options/RegistryStatusPanel';
import type { RegistryStatus } from '../../src/messaging/protocol';
import { sendMessage } from '../../src/messaging/protocol';
import { installI18n } from '../support/i18n';

vi.mock('../../src/messaging/protocol', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage) as unknown as ReturnType<typeof vi.fn<(type: string, data: unknown) => unknown>>;

const DAY = 86_400_000;

describe('the registry in use, on the options page', () => {
  let root: HTMLElement;
  beforeEach(() => {
    installI18n();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    send.mockReset();
  });

  const shown = async (status: RegistryStatus) => {
    send.mockResolvedValue(status);
    render(<RegistryStatusPanel />, root);
    await vi.waitFor(() => expect(root.textContent).toContain('Version 12'));
    return root;
  };
  const copy = (expiresAt: string): RegistryStatus => ({
    version: 12,
    issuedAt: new Date(Date.now() - 20 * DAY).toISOString(),
    expiresAt,
    source: 'https://registry.example.org',
    brands: 2100,
    updates: true,
  });

  it('keeps using a copy past its expiry, and says so in words a shopper can act on', async () => {
    const panel = await shown(copy(new Date(Date.now() - 6 * DAY).toISOString()));
    const alert = panel.querySelector('[role="alert"]');
    expect(alert?.textContent).toMatch(/This copy expired on .+ and no newer one has arrived\. Warnings still use it/);
    expect(alert?.textContent).toContain('Sync now');
  });

  it('says, in neutral words, when this build does not update its registry, and offers no sync', async () => {
    const panel = await shown({ version: 12, source: 'bundled', brands: 2100, updates: false });
    expect(panel.textContent).toContain('Using the registry built into this extension');
    expect(panel.textContent).toContain('updates are not set up in this build');
    expect(panel.textContent).not.toMatch(/failed|refused/i);
    expect([...panel.querySelectorAll('button')].map((button) => button.textContent)).toEqual([]);
  });

  it('says nothing of expiry while the copy is vouched for', async () => {
    const panel = await shown(copy(new Date(Date.now() + 6 * DAY).toISOString()));
    expect(panel.querySelector('[role="alert"]')).toBeNull();
  });
});
