import { useState } from 'preact/hooks';
import { FILING_FORMATS, type Filing, type FilingFormat, filingFormatFor } from '../src/queue';
import { call, downloadFrom, ServiceError } from './api';
import { Dialog } from './Dialog';
import { count, say } from './words';

/** Files the selected confirmed listings: the format chosen, the file downloaded, the filing opened. */
export function FileDialog(props: {
  token: string;
  keys: string[];
  marketplace: string;
  onClose: (filing?: Filing) => void;
}) {
  const [format, setFormat] = useState<FilingFormat>(filingFormatFor(props.marketplace));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const heading = say('file_heading', [count(props.keys.length)]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const { filing } = await call<{ filing: Filing }>(props.token, '/v1/volunteer/filings', {
        method: 'POST',
        body: { keys: props.keys, format },
      });
      const query = new URLSearchParams({ ...(name ? { name } : {}), ...(email ? { email } : {}) });
      await downloadFrom(props.token, `/v1/volunteer/filings/${filing.id}/file?${query}`);
      props.onClose(filing);
    } catch (error) {
      setProblem(
        error instanceof ServiceError && error.kind !== 'unreachable'
          ? say('error_refused', [error.message])
          : say('error_network'),
      );
      setBusy(false);
    }
  };

  return (
    <Dialog label={heading} onClose={() => props.onClose()}>
      <form onSubmit={submit}>
        <h2>{heading}</h2>
        <p>{say('file_intro')}</p>
        <label class="note-label" for="format">
          {say('file_format')}
        </label>
        <select id="format" value={format} onChange={(event) => setFormat(event.currentTarget.value as FilingFormat)}>
          {FILING_FORMATS.map((one) => (
            <option key={one} value={one}>
              {say(`format_${one}`)}
            </option>
          ))}
        </select>
        {format === 'dsa-notice' && (
          <>
            <label class="note-label" for="notifier">
              {say('file_name')}
            </label>
            <input id="notifier" value={name} onInput={(event) => setName(event.currentTarget.value)} />
            <label class="note-label" for="notifier-email">
              {say('file_email')}
            </label>
            <input
              id="notifier-email"
              type="email"
              value={email}
              onInput={(event) => setEmail(event.currentTarget.value)}
            />
          </>
        )}
        <p role="status">{busy ? say('file_working') : ''}</p>
        {problem && (
          <p role="alert" class="problem">
            {problem}
          </p>
        )}
        <div class="dialog-actions">
          <button type="submit" disabled={busy}>
            {say('file_submit')}
          </button>
          <button type="button" onClick={() => props.onClose()}>
            {say('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
