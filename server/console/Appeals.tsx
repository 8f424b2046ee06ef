import { useEffect, useState } from 'preact/hooks';
import { APPEAL_STATUSES, type Appeal, type AppealStatus } from '../src/queue';
import { call, ServiceError } from './api';
import { Dialog } from './Dialog';
import { day, say } from './words';

type Loaded = { state: 'loading' } | { state: 'failed'; words: string } | { state: 'ready'; appeals: Appeal[] };

/** Sellers' appeals about the brands' listings: read their case, uphold or dismiss it with a note. */
export function Appeals({ token, onSignedOut }: { token: string; onSignedOut: () => void }) {
  const [status, setStatus] = useState<AppealStatus>('open');
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [reload, setReload] = useState(0);
  const [deciding, setDeciding] = useState<{ appeal: Appeal; decision: 'uphold' | 'dismiss' }>();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();

  const failed = (error: unknown) => {
    if (error instanceof ServiceError && error.kind === 'signedOut') return onSignedOut();
    setProblem(
      error instanceof ServiceError && error.kind === 'refused'
        ? say('error_refused', [error.message])
        : say('error_network'),
    );
  };

  useEffect(() => {
    let live = true;
    call<{ appeals: Appeal[] }>(token, `/v1/volunteer/appeals?status=${status}`).then(
      ({ appeals }) => live && setLoaded({ state: 'ready', appeals }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ServiceError && error.kind === 'signedOut') return onSignedOut();
        setLoaded({ state: 'failed', words: say('error_network') });
      },
    );
    return () => {
      live = false;
    };
  }, [token, status, reload]);

  const decide = async () => {
    if (!deciding) return;
    const { appeal, decision } = deciding;
    setDeciding(undefined);
    setProblem(undefined);
    try {
      await call(token, `/v1/volunteer/appeals/${appeal.id}/decision`, { method: 'POST', body: { decision, note } });
      setNote('');
      setReload((n) => n + 1);
    } catch (error) {
      failed(error);
    }
  };

  return (
    <section aria-labelledby="appeals-heading">
      <h2 id="appeals-heading">{say('appeals_heading')}</h2>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          {say('filter_status')}
          <select value={status} onChange={(event) => setStatus(event.currentTarget.value as AppealStatus)}>
            {APPEAL_STATUSES.map((one) => (
              <option key={one} value={one}>
                {say(`appeal_status_${one}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {loaded.state === 'loading' && <p role="status">{say('queue_loading')}</p>}
      {loaded.state === 'failed' && (
        <p role="alert" class="problem">
          {loaded.words}
        </p>
      )}
      {problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
      {loaded.state === 'ready' && loaded.appeals.length === 0 && <p>{say('appeals_empty')}</p>}
      {loaded.state === 'ready' && loaded.appeals.length > 0 && (
        <table class="queue">
          <caption>{say('appeals_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{say('column_listing')}</th>
              <th scope="col">{say('column_appellant')}</th>
              <th scope="col">{say('column_case')}</th>
              <th scope="col">{say('column_received')}</th>
              <th scope="col">{say('column_status')}</th>
              <th scope="col">{say('column_actions')}</th>
            </tr>
          </thead>
          <tbody>
            {loaded.appeals.map((appeal) => (
              <tr key={appeal.id}>
                <td class="listing">
                  <a href={appeal.url} target="_blank" rel="noopener noreferrer">
                    {appeal.key}
                  </a>
                </td>
                <td>
                  {appeal.name}
                  <span class="key">
                    {say(`role_${appeal.role}`)} · {appeal.contact}
                  </span>
                </td>
                <td>
                  {appeal.evidence}
                  {appeal.evidenceUrl && (
                    <span class="key">
                      <a href={appeal.evidenceUrl} target="_blank" rel="noopener noreferrer">
                        {say('evidence_link')}
                      </a>
                    </span>
                  )}
                </td>
                <td>{day(appeal.receivedAt)}</td>
                <td>
                  {say(`appeal_status_${appeal.status}`)}
                  {appeal.decision && (
                    <span class="review">{say('reviewed_by', [appeal.decision.by, appeal.decision.note])}</span>
                  )}
                </td>
                <td class="actions">
                  <button
                    type="button"
                    aria-label={say('uphold_appeal', [appeal.name])}
                    onClick={() => setDeciding({ appeal, decision: 'uphold' })}
                  >
                    {say('uphold')}
                  </button>
                  <button
                    type="button"
                    aria-label={say('dismiss_appeal', [appeal.name])}
                    onClick={() => setDeciding({ appeal, decision: 'dismiss' })}
                  >
                    {say('dismiss')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deciding && (
        <Dialog
          label={say(deciding.decision === 'uphold' ? 'appeal_heading_uphold' : 'appeal_heading_dismiss')}
          onClose={() => setDeciding(undefined)}
        >
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void decide();
            }}
          >
            <h2>{say(deciding.decision === 'uphold' ? 'appeal_heading_uphold' : 'appeal_heading_dismiss')}</h2>
            <label class="note-label" for="appeal-note">
              {say('note_label')}
            </label>
            <textarea
              id="appeal-note"
              maxLength={2000}
              rows={3}
              value={note}
              onInput={(event) => setNote(event.currentTarget.value)}
            />
            <div class="dialog-actions">
              <button type="submit">{say(deciding.decision)}</button>
              <button type="button" onClick={() => setDeciding(undefined)}>
                {say('cancel')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </section>
  );
}
