import { useEffect, useState } from 'preact/hooks';

/** Where the console is, in its address's fragment, so that Back and a reload keep the place. */
export type Route =
  | { view: 'queue' }
  | { view: 'filings' }
  | { view: 'filing'; id: string }
  | { view: 'tokens' }
  | { view: 'results' }
  | { view: 'public' }
  | { view: 'appeals' }
  | { view: 'appeal' };

export function routeOf(hash: string): Route {
  const filing = /^#\/filings\/([\w-]+)$/.exec(hash);
  if (filing) return { view: 'filing', id: filing[1]! };
  if (hash === '#/filings') return { view: 'filings' };
  if (hash === '#/tokens') return { view: 'tokens' };
  if (hash === '#/results') return { view: 'results' };
  if (hash === '#/public') return { view: 'public' };
  if (hash === '#/appeals') return { view: 'appeals' };
  if (hash === '#/appeal') return { view: 'appeal' };
  return { view: 'queue' };
}

export const hrefOf = (route: Route) => (route.view === 'filing' ? `#/filings/${route.id}` : `#/${route.view}`);

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    // A fragment not starting "#/" is a place in the page (the skip link's #main), not a route.
    const follow = () => {
      if (location.hash.startsWith('#/') || location.hash === '') setRoute(routeOf(location.hash));
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}
