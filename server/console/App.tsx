import { useEffect, useMemo, useState } from 'preact/hooks';
import type { WeekResults } from '../src/results';
import { AppealForm } from './AppealForm';
import { Appeals } from './Appeals';
import { call, ServiceError, type Volunteer } from './api';
import { Dialog } from './Dialog';
import { Decisions, forgetDecisions } from './decisions';
import { Filings } from './Filings';
import { FilingView } from './FilingView';
import { PublicResults } from './PublicResults';
import { Queue } from './Queue';
import { Results } from './Results';
import { hrefOf, useRoute } from './route';
import { SignIn } from './SignIn';
import { Tokens } from './Tokens';
import { say } from './words';

const TOKEN = 'cg-console-token';
/** The console's sections, in the order the navigation shows them; Tokens is an admin's only. */
const SECTIONS = ['queue', 'appeals', 'filings', 'results', 'tokens'] as const;

/** The console: the sign-in, then the volunteer's queue. The token lives in this tab's session storage only. */
export function App() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN) ?? '');
  const [volunteer, setVolunteer] = useState<Volunteer>();
  const [problem, setProblem] = useState<string>();
  const route = useRoute();
  // Decisions on their way live as long as the token: they keep being sent whichever view is open.
  const decisions = useMemo(() => (token ? new Decisions(token) : undefined), [token]);
  useEffect(() => () => decisions?.stop(), [decisions]);
  const [leaving, setLeaving] = useState(0);

  const signOut = (why?: string) => {
    sessionStorage.removeItem(TOKEN);
    forgetDecisions();
    setToken('');
    setVolunteer(undefined);
    setProblem(why);
  };

  // A token kept from before a reload is checked again (it may have been revoked since), while the
  // queue loads beside it: a refused token signs out whichever answer comes first.
  useEffect(() => {
    if (!token || volunteer) return;
    call<Volunteer>(token, '/v1/volunteer/me').then(setVolunteer, (error: unknown) =>
      signOut(
        error instanceof ServiceError && error.kind === 'unreachable' ? say('error_network') : say('error_signed_out'),
      ),
    );
  }, [token, volunteer]);

  const signedOut = () => signOut(say('error_signed_out'));
  // Signing out forgets what is not saved yet: the volunteer is asked first.
  const askSignOut = () => {
    const unsaved = decisions?.list().filter((decision) => !decision.refused).length ?? 0;
    if (unsaved) setLeaving(unsaved);
    else signOut();
  };

  // The public results need no token: every brand's sums, as /v1/stats gives them.
  if (route.view === 'public') return <PublicResults />;
  // So does a seller's appeal.
  if (route.view === 'appeal') return <AppealForm />;

  if (!token)
    return (
      <SignIn
        problem={problem}
        onSignedIn={(signedIn, who) => {
          sessionStorage.setItem(TOKEN, signedIn);
          setProblem(undefined);
          setVolunteer(who);
          setToken(signedIn);
        }}
      />
    );

  return (
    <>
      <a class="skip" href="#main">
        {say('console_skip')}
      </a>
      <header class="bar">
        <h1>{say('console_title')}</h1>
        <p>{volunteer ? say('signed_in_as', [volunteer.name, volunteer.brands.join(', ')]) : ''}</p>
        <button type="button" onClick={askSignOut}>
          {say('signout')}
        </button>
      </header>
      <nav class="sections" aria-label={say('nav_label')}>
        {(volunteer?.admin ? SECTIONS : SECTIONS.filter((view) => view !== 'tokens')).map((view) => (
          <a
            key={view}
            href={hrefOf({ view })}
            aria-current={route.view === view || (view === 'filings' && route.view === 'filing') ? 'page' : undefined}
          >
            {say(`nav_${view}`)}
          </a>
        ))}
      </nav>
      <main id="main" tabIndex={-1}>
        {route.view === 'queue' && decisions && <Queue token={token} decisions={decisions} onSignedOut={signedOut} />}
        {route.view === 'filings' && <Filings token={token} onSignedOut={signedOut} />}
        {route.view === 'filing' && <FilingView token={token} id={route.id} onSignedOut={signedOut} />}
        {route.view === 'tokens' && <Tokens token={token} onSignedOut={signedOut} />}
        {route.view === 'appeals' && <Appeals token={token} onSignedOut={signedOut} />}
        {route.view === 'results' && (
          <Results
            brands={volunteer?.brands}
            onSignedOut={signedOut}
            load={async (filters) =>
              (
                await call<{ weeks: WeekResults[] }>(
                  token,
                  `/v1/volunteer/results?${new URLSearchParams(filters as Record<string, string>)}`,
                )
              ).weeks
            }
          />
        )}
      </main>
      {leaving > 0 && (
        <Dialog label={say('signout_pending_heading', [leaving])} onClose={() => setLeaving(0)}>
          <h2>{say('signout_pending_heading', [leaving])}</h2>
          <p>{say('signout_pending_body')}</p>
          <div class="dialog-actions">
            <button type="button" autofocus onClick={() => setLeaving(0)}>
              {say('stay_signed_in')}
            </button>
            <button
              type="button"
              onClick={() => {
                setLeaving(0);
                signOut();
              }}
            >
              {say('signout_anyway')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
