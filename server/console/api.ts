import { download } from '../../src/reports/download';
import type { ReportedListing } from '../src/queue';

/** Why a call to the service failed: unreachable (worth retrying), a token it no longer takes, or a refusal in its words. */
export class ServiceError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'signedOut' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

export interface Volunteer {
  name: string;
  brands: string[];
  admin: boolean;
  expiresAt?: string;
}

export interface ListingsPage {
  total: number;
  listings: ReportedListing[];
}

export interface Decided {
  decided: Record<string, number>;
  missing: string[];
}

/** One call to the service's /v1 API with the volunteer's token; JSON back, or a ServiceError. */
export async function call<T>(token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch (error) {
    throw new ServiceError('unreachable', error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return (await response.json()) as T;
  const answer = (await response.json().catch(() => ({}))) as { message?: string };
  const words = answer.message ?? `${response.status} ${response.statusText}`;
  if (response.status === 401) throw new ServiceError('signedOut', words);
  // A gateway or the service itself failing is a moment's trouble: the call is worth repeating.
  if (response.status >= 500 || response.status === 429) throw new ServiceError('unreachable', words);
  throw new ServiceError('refused', words);
}

/** A screenshot, fetched with the token (an <img> cannot send it), as an object URL. */
export async function screenshotUrl(token: string, sha256: string): Promise<string> {
  const response = await fetch(`/v1/volunteer/screenshots/${sha256}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new ServiceError(response.status === 401 ? 'signedOut' : 'refused', String(response.status));
  return URL.createObjectURL(await response.blob());
}

/** Fetches a file with the token and hands it to the browser to save, under the service's name for it. */
export async function downloadFrom(token: string, path: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new ServiceError('unreachable', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { message?: string };
    throw new ServiceError(
      response.status === 401 ? 'signedOut' : 'refused',
      answer.message ?? String(response.status),
    );
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'filing.txt';
  download(await response.text(), response.headers.get('content-type') ?? 'text/plain', name);
}
