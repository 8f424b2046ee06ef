import { useState } from 'preact/hooks';
import { call, ServiceError, type Volunteer } from './api';
import { say } from './words';

interface Props {
  problem: string | undefined;
  onSignedIn: (token: string, volunteer: Volunteer) => void;
}

export function SignIn({ problem, onSignedIn }: Props) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const trimmed = token.trim();
      onSignedIn(trimmed, await call<Volunteer>(trimmed, '/v1/volunteer/me'));
    } catch (failure) {
      setError(
        failure instanceof ServiceError && failure.kind !== 'unreachable'
          ? say('error_refused', [failure.message])
          : say('error_network'),
      );
    } finally {
      setBusy(false);
    }
  };

  const shown = error ?? problem;
  return (
    <main class="signin">
      <h1>{say('console_title')}</h1>
      <h2>{say('signin_heading')}</h2>
      <p>{say('signin_intro')}</p>
      <form onSubmit={submit}>
        <label for="token">{say('signin_token')}</label>
        <input
          id="token"
          type="password"
          autocomplete="off"
          required
          value={token}
          aria-describedby={shown ? 'signin-problem' : undefined}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          {say('signin_submit')}
        </button>
      </form>
      <p role="status">{busy ? say('signin_checking') : ''}</p>
      {shown && (
        <p id="signin-problem" role="alert" class="problem">
          {shown}
        </p>
      )}
      <p>
        <a href="#/public">{say('results_public_link')}</a>
      </p>
      <p>
        <a href="#/appeal">{say('appeal_link')}</a>
      </p>
    </main>
  );
}
