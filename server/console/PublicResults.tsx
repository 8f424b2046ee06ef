import type { WeekResults } from '../src/results';
import { ServiceError } from './api';
import { Results } from './Results';
import { say } from './words';

/** The programme's results across every brand, for anyone: what /v1/stats publishes, drawn. */
export function PublicResults() {
  return (
    <main id="main" class="public">
      <h1>{say('results_public_heading')}</h1>
      <p>{say('results_public_intro')}</p>
      <Results
        load={async () => {
          let response: Response;
          try {
            response = await fetch('/v1/stats');
          } catch (error) {
            throw new ServiceError('unreachable', String(error));
          }
          if (!response.ok) throw new ServiceError('unreachable', String(response.status));
          return ((await response.json()) as { weekly: WeekResults[] }).weekly;
        }}
      />
    </main>
  );
}
