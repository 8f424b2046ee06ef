import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../src/error-text';
import { type Volunteer, volunteerItem } from '../../src/settings/items';
import { t } from '../../src/ui/i18n';
import { type AccuracyState, fetchAccuracy } from './accuracy';

/** Loose on purpose: enough to catch a slip of the hand, never to refuse a real address. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Props {
  /** Told every outcome of Check and Sign out, so the accuracy shown elsewhere follows. */
  onAccuracy?: (accuracy: AccuracyState) => void;
}

/** The volunteer as stored: empty fields left out. */
function cleaned(token: string, name: string, email: string): Volunteer {
  const volunteer: Volunteer = {};
  if (token.trim()) volunteer.token = token.trim();
  if (name.trim()) volunteer.name = name.trim();
  if (email.trim()) volunteer.email = email.trim();
  return volunteer;
}

/**
 * A brand volunteer's sign-in with the companion service: the token (masked unless shown),
 * and the name and email a DSA notice names. Saved only on Save; Check asks the service
 * whether it takes the token; Sign out forgets the token.
 */
export function VolunteerSignIn({ onAccuracy }: Props) {
  const [saved, setSaved] = useState<Volunteer | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [check, setCheck] = useState<AccuracyState | { kind: 'unsaved' } | { kind: 'no_token' }>({ kind: 'idle' });

  function adopt(volunteer: Volunteer) {
    setSaved(volunteer);
    setToken(volunteer.token ?? '');
    setName(volunteer.name ?? '');
    setEmail(volunteer.email ?? '');
  }

  useEffect(() => {
    volunteerItem.getValue().then(adopt, (error: unknown) => {
      setLoadError(errorText(error));
      setSaved({});
    });
    // Signed out (or in) on another options page: follow it.
    return volunteerItem.watch((volunteer) => adopt(volunteer ?? {}));
  }, []);

  function tell(accuracy: AccuracyState) {
    setCheck(accuracy);
    onAccuracy?.(accuracy);
  }

  async function save(event: Event) {
    event.preventDefault();
    if (email.trim() && !EMAIL.test(email.trim())) {
      setStatus(t('options_audit_volunteer_email_invalid', [email.trim()]));
      return;
    }
    const next = cleaned(token, name, email);
    const tokenChanged = next.token !== saved?.token;
    setBusy(true);
    try {
      await volunteerItem.setValue(next);
      adopt(next);
      setShow(false);
      setStatus(next.token ? t('options_audit_volunteer_saved') : t('options_audit_volunteer_saved_no_token'));
      // The accuracy shown below follows the stored token by itself; only this line's old outcome goes.
      if (tokenChanged) setCheck({ kind: 'idle' });
    } catch (error) {
      setStatus(t('options_audit_volunteer_save_error', [errorText(error)]));
    } finally {
      setBusy(false);
    }
  }

  async function runCheck() {
    if (!saved?.token) {
      setCheck({ kind: 'no_token' });
      return;
    }
    if (token.trim() !== saved.token) {
      setCheck({ kind: 'unsaved' });
      return;
    }
    setBusy(true);
    tell({ kind: 'checking' });
    tell(await fetchAccuracy());
    setBusy(false);
  }

  async function signOut() {
    const next = cleaned('', saved?.name ?? '', saved?.email ?? '');
    setBusy(true);
    try {
      await volunteerItem.setValue(next);
      adopt(next);
      setShow(false);
      setStatus(t('options_audit_volunteer_signed_out'));
      tell({ kind: 'idle' });
    } catch (error) {
      setStatus(t('options_audit_volunteer_save_error', [errorText(error)]));
    } finally {
      setBusy(false);
    }
  }

  const loading = saved === undefined;
  const tokenInput = {
    id: 'volunteer-token',
    value: token,
    disabled: loading,
    autocomplete: 'off',
    autocapitalize: 'off' as const,
    spellcheck: false,
    'aria-describedby': 'volunteer-token-hint',
    onInput: (event: Event) => setToken((event.currentTarget as HTMLInputElement).value),
  };

  return (
    <section class="cg-volunteer" aria-labelledby="volunteer-heading">
      <h3 id="volunteer-heading">{t('options_audit_volunteer_heading')}</h3>
      <p class="cg-hint">{t('options_audit_volunteer_intro')}</p>
      {loadError !== undefined && (
        <p role="alert" class="cg-audit-error">
          {t('options_audit_volunteer_load_error', [loadError])}
        </p>
      )}
      <form class="cg-volunteer-form" onSubmit={(event) => void save(event)}>
        <label for="volunteer-token">{t('options_audit_volunteer_token_label')}</label>
        <div class="cg-token-row">
          {/* One input either way (the same element stays, with the caret); typed apart for TypeScript. */}
          {show ? <input type="text" {...tokenInput} /> : <input type="password" {...tokenInput} />}
          <button
            type="button"
            class="cg-button cg-token-toggle"
            aria-controls="volunteer-token"
            disabled={loading}
            onClick={() => setShow(!show)}
          >
            {t(show ? 'options_audit_volunteer_hide' : 'options_audit_volunteer_show')}
          </button>
        </div>
        <p id="volunteer-token-hint" class="cg-hint">
          {t('options_audit_volunteer_token_hint')}
        </p>

        <label for="volunteer-name">{t('options_audit_volunteer_name_label')}</label>
        <input
          id="volunteer-name"
          type="text"
          value={name}
          disabled={loading}
          autocomplete="name"
          aria-describedby="volunteer-contact-hint"
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <label for="volunteer-email">{t('options_audit_volunteer_email_label')}</label>
        <input
          id="volunteer-email"
          type="email"
          value={email}
          disabled={loading}
          autocomplete="email"
          aria-describedby="volunteer-contact-hint"
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <p id="volunteer-contact-hint" class="cg-hint">
          {t('options_audit_volunteer_contact_hint')}
        </p>

        <div class="cg-volunteer-actions">
          <button type="submit" class="cg-button" disabled={loading || busy}>
            {t('options_audit_volunteer_save')}
          </button>
          <button
            type="button"
            class="cg-button"
            disabled={loading || busy}
            aria-describedby="volunteer-check-outcome"
            onClick={() => void runCheck()}
          >
            {t('options_audit_volunteer_check')}
          </button>
          {saved?.token && (
            <button type="button" class="cg-button" disabled={busy} onClick={() => void signOut()}>
              {t('options_audit_volunteer_sign_out')}
            </button>
          )}
        </div>
      </form>
      <p class="cg-status cg-volunteer-status" role="status">
        {status}
      </p>
      <p id="volunteer-check-outcome" class="cg-status cg-volunteer-check" role="status">
        {checkWords(check)}
      </p>
    </section>
  );
}

function checkWords(check: AccuracyState | { kind: 'unsaved' } | { kind: 'no_token' }): string {
  switch (check.kind) {
    case 'idle':
      return '';
    case 'unsaved':
      return t('options_audit_volunteer_check_unsaved');
    case 'no_token':
      return t('options_audit_volunteer_check_no_token');
    case 'checking':
      return t('options_audit_volunteer_checking');
    case 'ready':
      return check.reviewed > 0
        ? t('options_audit_volunteer_check_ok', [check.reviewed])
        : t('options_audit_volunteer_check_ok_none');
    case 'refused':
      return t('options_audit_volunteer_check_refused', [check.detail]);
    case 'unreachable':
      return t('options_audit_volunteer_check_unreachable', [check.detail]);
  }
}
