import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AuditCounts, AuditSummary } from '../../src/audit/model';
import { errorText } from '../../src/error-text';
import type { BrandSummary } from '../../src/matching/search';
import { sendMessage } from '../../src/messaging/protocol';
import { count, near, t } from '../../src/ui/i18n';
import type { Load } from '../../src/ui/load';
import type { RegistryView, SessionView } from './useAuditData';

export type Say = (words: string, tone?: 'status' | 'alert') => void;

export function openSettings(): void {
  void browser.runtime.openOptionsPage().catch(() => undefined);
}

/**
 * The brands audited, in words: none chosen (with the way to the settings), the ones the registry
 * in use does not know (named, with what to do), and the ones looked for.
 */
export function BrandsNotice(props: { registry: Load<RegistryView>; audited: Load<string[]> }) {
  const { registry, audited } = props;
  if (audited.kind === 'error') return <p role="alert">{t('audit_brands_error', [audited.detail])}</p>;
  if (registry.kind === 'error') return <p role="alert">{t('audit_registry_error', [registry.detail])}</p>;
  if (audited.kind === 'loading' || registry.kind === 'loading')
    return <p class="cg-audit-brands">{t('audit_brands_loading')}</p>;
  if (audited.value.length === 0)
    return (
      <div class="cg-audit-brands cg-audit-notice">
        <p>{t('audit_brands_none')}</p>
        <button type="button" class="cg-button" onClick={openSettings}>
          {t('audit_brands_choose')}
        </button>
      </div>
    );
  const byId = new Map(registry.value.brands.map((brand) => [brand.id, brand]));
  const known = audited.value.flatMap((id) => byId.get(id) ?? []);
  const unknown = audited.value.filter((id) => !byId.has(id));
  return (
    <div class="cg-audit-brands">
      {known.length > 0 && <p>{t('audit_brands_list', [known.map((brand) => brand.name).join(', ')])}</p>}
      {unknown.length > 0 && (
        <>
          <ul class="cg-audit-unknown">
            {unknown.map((id) => (
              <li key={id}>
                <span aria-hidden="true">⚠ </span>
                {t('audit_brand_unknown', [id, registry.value.version])}
              </li>
            ))}
          </ul>
          <button type="button" class="cg-button" onClick={openSettings}>
            {t('audit_open_settings')}
          </button>
        </>
      )}
    </div>
  );
}

/** The registry brands audited that the registry in use knows. */
export function knownBrands(registry: Load<RegistryView>, audited: Load<string[]>): BrandSummary[] {
  if (registry.kind !== 'ready' || audited.kind !== 'ready') return [];
  const byId = new Map(registry.value.brands.map((brand) => [brand.id, brand]));
  return audited.value.flatMap((id) => byId.get(id) ?? []);
}

/** The progress line: pages, listings seen, suspect, selected, reported. */
function progressWords(counts: AuditCounts): string {
  return t('audit_progress', [
    count(counts.pages),
    count(counts.seen),
    count(counts.suspect),
    count(counts.selected),
    count(counts.reported),
  ]);
}

/** Start or end the session, and how far it has come. */
export function SessionControls(props: {
  session: Load<SessionView>;
  /** The counts as the rows held show them (a selection shows before the background answers). */
  counts?: AuditCounts;
  canStart: boolean;
  refresh: () => Promise<void>;
  say: Say;
}) {
  const [busy, setBusy] = useState<'starting' | 'ending' | undefined>(undefined);
  const { session, say } = props;

  async function start() {
    setBusy('starting');
    try {
      await sendMessage('startAudit', null);
      say(t('audit_started'));
    } catch (error) {
      say(t('audit_start_error', [errorText(error)]), 'alert');
    } finally {
      setBusy(undefined);
      await props.refresh();
    }
  }

  async function end() {
    setBusy('ending');
    try {
      const ended: AuditSummary | null = await sendMessage('endAudit', null);
      say(ended ? t('audit_ended', [count(ended.counts.seen), count(ended.counts.reported)]) : t('audit_ended_none'));
    } catch (error) {
      say(t('audit_end_error', [errorText(error)]), 'alert');
    } finally {
      setBusy(undefined);
      await props.refresh();
    }
  }

  if (session.kind === 'loading') return <p class="cg-audit-session">{t('audit_session_loading')}</p>;
  if (session.kind === 'error') return <p role="alert">{t('audit_session_error', [session.detail])}</p>;
  const summary = session.value.summary;
  return (
    <div class="cg-audit-session">
      {summary ? (
        <>
          <div class="cg-audit-session-line">
            <p>{t('audit_session_open', [near(summary.session.startedAt)])}</p>
            <button type="button" class="cg-button" disabled={busy !== undefined} onClick={() => void end()}>
              {busy === 'ending' ? t('audit_ending') : t('audit_end')}
            </button>
          </div>
          <p class="cg-audit-progress" aria-live="polite">
            {progressWords(props.counts ?? summary.counts)}
          </p>
        </>
      ) : (
        <div class="cg-audit-session-line">
          <p>{t('audit_session_none')}</p>
          <button
            type="button"
            class="cg-button cg-button-primary"
            disabled={busy !== undefined || !props.canStart}
            aria-describedby={props.canStart ? undefined : 'audit-brands'}
            onClick={() => void start()}
          >
            {busy === 'starting' ? t('audit_starting') : t('audit_start')}
          </button>
        </div>
      )}
    </div>
  );
}
