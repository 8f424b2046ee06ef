import { useState } from 'preact/hooks';
import { APPEAL_STATUSES, type Appeal, type AppealStatus } from '../src/queue';
import { call, ServiceError } from './api';
import { LoadState, useServiceCall, wordsFor } from './load';
import { NoteDialog } from './NoteDialog';
import { day, say } from './words';

/** Sellers' appeals about the brands' listings: read their case, uphold or dismiss it with a note. */
export function Appeals({ token, onSignedOut }: { token: string; onSignedOut: () => void }) {
  const [status, setStatus] = useState<AppealStatus>('open');
  const { loaded, reload } = useServiceCall(
    async () => (await call<{ appeals: Appeal[] }>(token, `/v1/volunteer/appeals?status=${status}`)).appeals,
    [token, status],
    onSignedOut,
  );
  const [deciding, setDeciding] = useState<{ appeal: Appeal; decision: 'uphold' | 'dismiss' }>();
  const [problem, setProblem] = useState<string>();

  const failed = (error: unknown) => {
    if (error instanceof ServiceError && error.kind === 'signedOut') return onSignedOut();
    setProblem(wordsFor(error));
  };

  const decide = async ({ appeal, decision }: { appeal: Appeal; decision: 'uphold' | 'dismiss' }, note: string) => {
    setProblem(undefined);
    try {
      await call(token, `/v1/volunteer/appeals/${appeal.id}/decision`, { method: 'POST', body: { decision, note } });
      reload();
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
      <LoadState loaded={loaded} onRetry={reload} />
      {problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
      {loaded.state === 'ready' && loaded.value.length === 0 && <p>{say('appeals_empty')}</p>}
      {loaded.state === 'ready' && loaded.value.length > 0 && (
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
            {loaded.value.map((appeal) => (
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
        <NoteDialog
          heading={say(deciding.decision === 'uphold' ? 'appeal_heading_uphold' : 'appeal_heading_dismiss')}
          submit={say(deciding.decision)}
          onClose={(note) => {
            setDeciding(undefined);
            if (note !== undefined) void decide(deciding, note);
          }}
        />
      )}
    </section>
  );
}
