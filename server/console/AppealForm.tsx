import { useState } from 'preact/hooks';
import type { AppealText } from '../src/queue';
import { say } from './words';

/** The public page where a seller appeals a listing's flag: no sign-in, one form, the service's words on refusal. */
export function AppealForm() {
  const [text, setText] = useState<AppealText>({ url: '', name: '', role: 'seller', evidence: '', contact: '' });
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [state, setState] = useState<{ busy: boolean; sent?: string; problem?: string }>({ busy: false });
  // One id for this appeal, kept across retries: sent twice, it is kept once.
  const [id] = useState(() => crypto.randomUUID());
  const field = (name: keyof AppealText) => (event: Event) =>
    setText({ ...text, [name]: (event.currentTarget as HTMLInputElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    setState({ busy: true });
    try {
      const response = await fetch('/v1/appeals', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id, ...text, ...(evidenceUrl ? { evidenceUrl } : {}) }),
      });
      const answer = (await response.json().catch(() => ({}))) as { key?: string; message?: string };
      if (response.ok) setState({ busy: false, sent: say('appeal_sent', [answer.key ?? '']) });
      else
        setState({
          busy: false,
          problem: say('error_refused', [answer.message ?? `${response.status} ${response.statusText}`]),
        });
    } catch {
      setState({ busy: false, problem: say('error_network') });
    }
  };

  return (
    <main id="main" class="signin">
      <h1>{say('appeal_public_heading')}</h1>
      <p>{say('appeal_public_intro')}</p>
      {state.sent ? (
        <p role="status">{state.sent}</p>
      ) : (
        <form class="appeal" onSubmit={submit}>
          <label for="appeal-url">{say('appeal_url')}</label>
          <input id="appeal-url" type="url" required maxLength={2048} value={text.url} onInput={field('url')} />
          <label for="appeal-name">{say('appeal_name')}</label>
          <input id="appeal-name" required maxLength={200} value={text.name} onInput={field('name')} />
          <label for="appeal-role">{say('appeal_role')}</label>
          <select id="appeal-role" value={text.role} onChange={field('role')}>
            {(['seller', 'brand', 'agent', 'other'] as const).map((role) => (
              <option key={role} value={role}>
                {say(`role_${role}`)}
              </option>
            ))}
          </select>
          <label for="appeal-evidence">{say('appeal_evidence')}</label>
          <textarea
            id="appeal-evidence"
            required
            maxLength={4000}
            rows={5}
            value={text.evidence}
            onInput={field('evidence')}
          />
          <label for="appeal-evidence-url">{say('appeal_evidence_url')}</label>
          <input
            id="appeal-evidence-url"
            type="url"
            maxLength={2048}
            value={evidenceUrl}
            onInput={(event) => setEvidenceUrl(event.currentTarget.value)}
          />
          <label for="appeal-contact">{say('appeal_contact')}</label>
          <input
            id="appeal-contact"
            type="email"
            required
            maxLength={200}
            value={text.contact}
            onInput={field('contact')}
          />
          <button type="submit" disabled={state.busy}>
            {say('appeal_submit')}
          </button>
          <p role="status">{state.busy ? say('appeal_sending') : ''}</p>
          {state.problem && (
            <p role="alert" class="problem">
              {state.problem}
            </p>
          )}
        </form>
      )}
    </main>
  );
}
