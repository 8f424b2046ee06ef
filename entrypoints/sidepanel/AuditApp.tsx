import { AuditView } from './AuditView';

/**
 * The audit view as Chrome's side panel, Firefox's sidebar, or a page of its own: opened as
 * `sidepanel.html?tab=ID` it shows that tab; otherwise the active tab of its window.
 */
export function AuditApp() {
  return <AuditView search={location.search} />;
}
