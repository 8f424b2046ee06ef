import { useState } from 'preact/hooks';
import { call, ServiceError } from './api';
import { Dialog } from './Dialog';
import { LoadState, useServiceCall, wordsFor } from './load';
import { day, say } from './words';

interface TokenRecord {
  id: string;
  name: string;
  brands: string[];
  createdAt: string;
  expiresAt?: string;
  admin: boolean;
}

/** For admins: the tokens that work here, a new one made for a brand, one revoked. */
export function Tokens({ token, onSignedOut }: { token: string; onSignedOut: () => void }) {
  const { loaded, reload, set } = useServiceCall(
    async () => (await call<{ tokens: TokenRecord[] }>(token, '/v1/admin/tokens')).tokens,
    [token],
    onSignedOut,
  );
  const [name, setName] = useState('');
  const [brands, setBrands] = useState('');
  const [days, setDays] = useState('');
  const [made, setMade] = useState<{ name: string; token: string }>();
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<TokenRecord>();
  const [said, setSaid] = useState<string>();
  const [problem, setProblem] = useState<string>();

  const failed = (error: unknown) => {
    if (error instanceof ServiceError && error.kind === 'signedOut') return onSignedOut();
    setProblem(wordsFor(error));
  };

  const make = async (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    setSaid(undefined);
    try {
      const answer = await call<{ token: string; record: TokenRecord }>(token, '/v1/admin/tokens', {
        method: 'POST',
        body: {
          name: name.trim(),
          brands: brands
            .split(',')
            .map((brand) => brand.trim())
            .filter(Boolean),
          ...(days ? { days: Number(days) } : {}),
        },
      });
      setMade({ name: answer.record.name, token: answer.token });
      setCopied(false);
      setName('');
      setBrands('');
      setDays('');
      reload();
    } catch (error) {
      failed(error);
    }
  };

  const revoke = async (record: TokenRecord) => {
    setRevoking(undefined);
    setProblem(undefined);
    try {
      await call(token, `/v1/admin/tokens/${record.id}`, { method: 'DELETE' });
      set((tokens) => tokens.filter((one) => one.id !== record.id));
      setSaid(say('revoked', [record.name]));
      reload();
    } catch (error) {
      failed(error);
    }
  };

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{say('tokens_heading')}</h2>
      <LoadState loaded={loaded} onRetry={reload} />
      {loaded.state === 'ready' && (
        <table class="queue">
          <caption>{say('tokens_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{say('column_name')}</th>
              <th scope="col">{say('column_kind')}</th>
              <th scope="col">{say('column_brands')}</th>
              <th scope="col">{say('column_made')}</th>
              <th scope="col">{say('column_expires')}</th>
              <th scope="col">{say('revoke')}</th>
            </tr>
          </thead>
          <tbody>
            {loaded.value.map((record) => (
              <tr key={record.id}>
                <td>
                  {record.name}
                  <span class="key">{record.id}</span>
                </td>
                <td>{say(record.admin ? 'kind_admin' : 'kind_volunteer')}</td>
                <td>{record.brands.join(', ')}</td>
                <td>{day(record.createdAt)}</td>
                <td>{record.expiresAt ? day(record.expiresAt) : say('never')}</td>
                <td>
                  <button
                    type="button"
                    aria-label={say('revoke_token', [record.name])}
                    onClick={() => setRevoking(record)}
                  >
                    {say('revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status">{said ?? ''}</p>
      {problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
      <h3>{say('token_new_heading')}</h3>
      <form class="filters" onSubmit={make}>
        <label>
          {say('token_name')}
          <input required maxLength={120} value={name} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <label>
          {say('token_brands')}
          <input required value={brands} onInput={(event) => setBrands(event.currentTarget.value)} />
        </label>
        <label>
          {say('token_days')}
          <input
            type="number"
            min={1}
            max={3650}
            value={days}
            onInput={(event) => setDays(event.currentTarget.value)}
          />
        </label>
        <button type="submit">{say('token_make')}</button>
      </form>
      {made && (
        <div class="made">
          <p>{say('token_made', [made.name])}</p>
          <label class="note-label" for="made-token">
            {say('token_value')}
          </label>
          <input id="made-token" readOnly value={made.token} size={60} />
          <button
            type="button"
            onClick={() =>
              navigator.clipboard.writeText(made.token).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {say('token_copy')}
          </button>
          <span role="status">{copied ? say('token_copied') : ''}</span>
        </div>
      )}
      {revoking && (
        <Dialog label={say('revoke_heading', [revoking.name])} onClose={() => setRevoking(undefined)}>
          <h2>{say('revoke_heading', [revoking.name])}</h2>
          <p>{say('revoke_intro')}</p>
          <div class="dialog-actions">
            <button type="button" onClick={() => revoke(revoking)}>
              {say('revoke')}
            </button>
            <button type="button" autofocus onClick={() => setRevoking(undefined)}>
              {say('cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
