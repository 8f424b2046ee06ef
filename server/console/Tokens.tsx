import { useEffect, useState } from 'preact/hooks';
import { call, ServiceError } from './api';
import { Dialog } from './Dialog';
import { day, say } from './words';

interface TokenRecord {
  id: string;
  name: string;
  brands: string[];
  createdAt: string;
  expiresAt?: string;
  admin: boolean;
}

type Loaded = { state: 'loading' } | { state: 'failed'; words: string } | { state: 'ready'; tokens: TokenRecord[] };

/** For admins: the tokens that work here, a new one made for a brand, one revoked. */
export function Tokens({ token, onSignedOut }: { token: string; onSignedOut: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [reload, setReload] = useState(0);
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
    setProblem(
      error instanceof ServiceError && error.kind === 'refused'
        ? say('error_refused', [error.message])
        : say('error_network'),
    );
  };

  useEffect(() => {
    let live = true;
    call<{ tokens: TokenRecord[] }>(token, '/v1/admin/tokens').then(
      ({ tokens }) => live && setLoaded({ state: 'ready', tokens }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ServiceError && error.kind === 'signedOut') return onSignedOut();
        setLoaded({
          state: 'failed',
          words: error instanceof ServiceError && error.kind === 'refused' ? say('admin_only') : say('error_network'),
        });
      },
    );
    return () => {
      live = false;
    };
  }, [token, reload]);

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
      setReload((n) => n + 1);
    } catch (error) {
      failed(error);
    }
  };

  const revoke = async (record: TokenRecord) => {
    setRevoking(undefined);
    setProblem(undefined);
    try {
      await call(token, `/v1/admin/tokens/${record.id}`, { method: 'DELETE' });
      setLoaded((now) =>
        now.state === 'ready' ? { state: 'ready', tokens: now.tokens.filter((one) => one.id !== record.id) } : now,
      );
      setSaid(say('revoked', [record.name]));
      setReload((n) => n + 1);
    } catch (error) {
      failed(error);
    }
  };

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{say('tokens_heading')}</h2>
      {loaded.state === 'loading' && <p role="status">{say('queue_loading')}</p>}
      {loaded.state === 'failed' && (
        <p role="alert" class="problem">
          {loaded.words}
        </p>
      )}
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
            {loaded.tokens.map((record) => (
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
