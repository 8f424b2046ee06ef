import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorText } from '../../src/error-text';
import { auditBrandsItem } from '../../src/settings/items';
import { t } from '../../src/ui/i18n';

/** The browsers' own panel APIs, which the polyfill's types leave out. */
interface Panels {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the audit view beside the page: Chrome's side panel, Firefox's sidebar, or else a tab of
 * its own for the given tab. Called from a click, which both browsers require.
 */
async function openAuditView(tabId: number | undefined): Promise<void> {
  const panels = browser as unknown as Panels;
  const chromePanels = (globalThis as { chrome?: Panels }).chrome;
  if (panels.sidebarAction) return panels.sidebarAction.open();
  const sidePanel = chromePanels?.sidePanel ?? panels.sidePanel;
  if (sidePanel) {
    const { id } = await browser.windows.getCurrent();
    if (id !== undefined) return sidePanel.open({ windowId: id });
  }
  await browser.tabs.create({
    url: browser.runtime.getURL(`/sidepanel.html${tabId === undefined ? '' : `?tab=${tabId}`}`),
  });
}

/** For brand volunteers (once they chose brands to audit): the way into the audit view. */
export function AuditViewButton({ tabId }: { tabId: number | undefined }) {
  const [auditing, setAuditing] = useState(false);
  const [failed, setFailed] = useState<string | undefined>();
  useEffect(() => {
    void auditBrandsItem.getValue().then((brands) => setAuditing(brands.length > 0));
  }, []);
  if (!auditing) return null;
  return (
    <span class="cg-audit-open">
      <button
        type="button"
        class="cg-button"
        onClick={() =>
          openAuditView(tabId)
            .then(() => window.close())
            .catch((error: unknown) => setFailed(errorText(error)))
        }
      >
        {t('popup_open_audit')}
      </button>
      {failed && <span role="alert">{t('popup_open_audit_failed', [failed])}</span>}
    </span>
  );
}
