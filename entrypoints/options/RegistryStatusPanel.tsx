import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../src/error-text';
import type { RegistryStatus } from '../../src/messaging/protocol';
import { sendMessage } from '../../src/messaging/protocol';
import { type MessageKey, t, uiLanguage } from '../../src/ui/i18n';
import { formatDate } from '../../src/words/numbers';

type View =
  | { kind: 'loading' }
  | { kind: 'ready'; status: RegistryStatus; syncing: boolean }
  | { kind: 'error'; detail: string };

const when = (moment: string | number) => formatDate(moment, uiLanguage());

function outcome(check: NonNullable<RegistryStatus['lastCheck']>, version: number): string {
  if (check.kind === 'updated') return t('sync_updated', [version]);
  if (check.kind === 'unchanged') return t('sync_unchanged');
  const words = t(`sync_${check.code}` as MessageKey);
  return `${words}. ${t('options_registry_kept')}`;
}

/** The registry in use, the last check and its outcome in words, and "Sync now". */
export function RegistryStatusPanel() {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const fail = (error: unknown) => setView({ kind: 'error', detail: errorText(error) });

  useEffect(() => {
    sendMessage('registryStatus', null).then((status) => setView({ kind: 'ready', status, syncing: false }), fail);
  }, []);

  function syncNow() {
    if (view.kind !== 'ready') return;
    setView({ ...view, syncing: true });
    sendMessage('syncRegistry', null).then((status) => setView({ kind: 'ready', status, syncing: false }), fail);
  }

  return (
    <section class="cg-registry" aria-labelledby="registry-heading">
      <h3 id="registry-heading">{t('options_registry_heading')}</h3>
      {view.kind === 'loading' && <p>{t('options_brands_loading')}</p>}
      {view.kind === 'error' && <p role="alert">{t('options_registry_error', [view.detail])}</p>}
      {view.kind === 'ready' && (
        <>
          <p>
            {t('options_registry_version', [view.status.version, view.status.brands])}
            {view.status.issuedAt && <> · {t('options_registry_issued', [when(view.status.issuedAt)])}</>}
          </p>
          {view.status.expiresAt && Date.parse(view.status.expiresAt) <= Date.now() && (
            <p class="cg-warning" role="alert">
              <span aria-hidden="true">⚠ </span>
              {t('options_registry_expired', [when(view.status.expiresAt)])}
            </p>
          )}
          <p>
            {view.status.source === 'bundled'
              ? t('options_registry_source_bundled')
              : t('options_registry_source', [view.status.source])}
          </p>
          {view.status.updates ? (
            <>
              <p class="cg-status" role="status" id="registry-check">
                {view.syncing
                  ? t('options_registry_syncing')
                  : view.status.lastCheck
                    ? t('options_registry_last_check', [
                        when(view.status.lastCheck.at),
                        outcome(view.status.lastCheck, view.status.version),
                      ])
                    : t('options_registry_never')}
              </p>
              <button
                type="button"
                class="cg-button"
                disabled={view.syncing}
                aria-describedby="registry-check"
                onClick={syncNow}
              >
                {t('options_registry_sync')}
              </button>
            </>
          ) : (
            <p>{t('options_registry_not_set_up')}</p>
          )}
        </>
      )}
    </section>
  );
}
