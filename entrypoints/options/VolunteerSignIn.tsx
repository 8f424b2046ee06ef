import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../../src/error-text';
import { type Volunteer, volunteerItem } from '../../src/settings/items';
import { count, t } from '../../src/ui/i18n';
import { type AccuracyState, fetchAccuracy } from './accuracy';

/** Loose on purpose: enough to catch a slip of the hand, never to refuse a real address. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Props {
  /** Told what the service said at sign-in, and of a sign-out, so the accuracy shown elsewhere follows. */
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

/** What became of the last sign-in or save, in words, and the field it concerns when it went wrong. */
type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; words: string }
  | { kind: 'done'; words: string }
  | { kind: 'error'; words: string; field?: 'token' | 'email' };

/**
 * A brand volunteer's sign-in with the companion service, in one step: the token (masked unless
 * shown), and the name and email a DSA notice names. Sign in asks the service whether it takes a
 * new token and stores it only if it does, with the name and email; with the token unchanged,
 * the same button saves the name and email alone. Sign out forgets the token.
 */
export function VolunteerSignIn({ onAccuracy }: Props) {
  const [saved, setSaved] = useState<Volunteer | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [show, setShow] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const tokenRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

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

  const next = cleaned(token, name, email);
  // A token typed that the service has not taken yet: the button signs in; otherwise it saves.
  const signingIn = next.token !== undefined && next.token !== saved?.token;

  function fail(words: string, field?: 'token' | 'email') {
    setOutcome({ kind: 'error', words, ...(field ? { field } : {}) });
    (field === 'token' ? tokenRef : field === 'email' ? emailRef : undefined)?.current?.focus();
  }

  async function store(volunteer: Volunteer): Promise<boolean> {
    try {
      await volunteerItem.setValue(volunteer);
      adopt(volunteer);
      setShow(false);
      return true;
    } catch (error) {
      fail(t('options_audit_volunteer_save_error', [errorText(error)]));
      return false;
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (next.email !== undefined && !EMAIL.test(next.email)) {
      fail(t('options_audit_volunteer_email_invalid', [next.email]), 'email');
      return;
    }
    if (!signingIn) {
      setOutcome({ kind: 'busy', words: t('options_audit_volunteer_saving') });
      if (await store(next))
        setOutcome({
          kind: 'done',
          words: t(next.token ? 'options_audit_volunteer_saved' : 'options_audit_volunteer_saved_no_token'),
        });
      return;
    }
    setOutcome({ kind: 'busy', words: t('options_audit_volunteer_checking') });
    const answer = await fetchAccuracy(next.token);
    // A token the service refuses, or could not judge, is never stored: signed in means taken.
    if (answer.kind !== 'ready') {
      if (answer.kind === 'refused') fail(t('options_audit_volunteer_refused', [answer.detail]), 'token');
      else fail(t('options_audit_volunteer_unreachable', [answer.detail]));
      return;
    }
    if (!(await store(next))) return;
    setOutcome({
      kind: 'done',
      words:
        answer.reviewed > 0
          ? t('options_audit_volunteer_signed_in', [count(answer.reviewed)])
          : t('options_audit_volunteer_signed_in_none'),
    });
    onAccuracy?.(answer);
  }

  async function signOut() {
    setOutcome({ kind: 'busy', words: t('options_audit_volunteer_saving') });
    if (!(await store(cleaned('', saved?.name ?? '', saved?.email ?? '')))) return;
    setOutcome({ kind: 'done', words: t('options_audit_volunteer_signed_out') });
    onAccuracy?.({ kind: 'idle' });
  }

  const loading = saved === undefined;
  const busy = outcome.kind === 'busy';
  const wrong = outcome.kind === 'error' ? outcome.field : undefined;
  const tokenInput = {
    id: 'volunteer-token',
    ref: tokenRef,
    value: token,
    disabled: loading,
    autocomplete: 'off',
    autocapitalize: 'off' as const,
    spellcheck: false,
    'aria-invalid': wrong === 'token' ? ('true' as const) : undefined,
    'aria-describedby': `volunteer-token-hint${wrong === 'token' ? ' volunteer-error' : ''}`,
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
      <form class="cg-volunteer-form" onSubmit={(event) => void submit(event)}>
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
          ref={emailRef}
          type="email"
          value={email}
          disabled={loading}
          autocomplete="email"
          aria-invalid={wrong === 'email' ? 'true' : undefined}
          aria-describedby={`volunteer-contact-hint${wrong === 'email' ? ' volunteer-error' : ''}`}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <p id="volunteer-contact-hint" class="cg-hint">
          {t('options_audit_volunteer_contact_hint')}
        </p>

        <div class="cg-volunteer-actions">
          <button type="submit" class="cg-button" disabled={loading || busy}>
            {t(signingIn ? 'options_audit_volunteer_sign_in' : 'options_audit_volunteer_save')}
          </button>
          {saved?.token && (
            <button type="button" class="cg-button" disabled={busy} onClick={() => void signOut()}>
              {t('options_audit_volunteer_sign_out')}
            </button>
          )}
        </div>
      </form>
      <p class="cg-status cg-volunteer-status" role="status">
        {outcome.kind === 'busy' || outcome.kind === 'done' ? outcome.words : ''}
      </p>
      <p id="volunteer-error" class="cg-audit-error cg-volunteer-error" role="alert">
        {outcome.kind === 'error' ? outcome.words : ''}
      </p>
    </section>
  );
}
