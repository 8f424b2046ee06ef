import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sender } from '../../src/messaging/guard';
import { volunteerItem } from '../../src/settings/items';
import { answer as answerFrom, freshBackground } from '../support/messages';

// Unit tests get no build-time defines: name the companion service this build would have.
vi.mock(import('../../src/reports/build-config'), async (original) => ({
  ...(await original()),
  REPORT_SERVICE: 'http://127.0.0.1:9',
}));

const options: Sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
const answer = (type: string, data: unknown) => answerFrom(type, data, options);

describe('a volunteer’s accuracy, asked of the service by the background', () => {
  beforeEach(() => freshBackground());
  // Only fetch is replaced: the globals the test setup stubs (the browser among them) stay.
  afterEach(() => vi.restoreAllMocks());

  it('tells a refused token from an unreachable service by what the service answered, in its words', async () => {
    const replies: (() => Promise<Response>)[] = [
      async () =>
        Response.json(
          { error: 'token_expired', message: 'This token has expired; ask for a new one.' },
          { status: 401 },
        ),
      async () => {
        throw new TypeError('Failed to fetch');
      },
      async () => Response.json({ error: 'oops' }, { status: 502 }),
      async () => Response.json({ confirmed: 46, reviewed: 50 }),
    ];
    vi.spyOn(globalThis, 'fetch').mockImplementation(() => replies.shift()!());
    expect(await answer('volunteerAccuracy', null)).toEqual({ kind: 'refused', detail: 'no volunteer token is saved' });
    await volunteerItem.setValue({ token: 'cgv_test' });
    expect(await answer('volunteerAccuracy', null)).toEqual({
      kind: 'refused',
      detail: 'This token has expired; ask for a new one.',
    });
    expect(await answer('volunteerAccuracy', null)).toMatchObject({ kind: 'unreachable' });
    expect(await answer('volunteerAccuracy', null)).toEqual({
      kind: 'unreachable',
      detail: 'the service answered with an error (HTTP 502)',
    });
    expect(await answer('volunteerAccuracy', null)).toEqual({ kind: 'ready', confirmed: 46, reviewed: 50 });
  });

  it('asks with the token the sign-in names, before it is saved, and with the saved one otherwise', async () => {
    const fetched = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () => Response.json({ confirmed: 1, reviewed: 2 }));
    const bearer = (call: number) => new Headers(fetched.mock.calls[call]![1]?.headers).get('authorization');
    expect(await answer('volunteerAccuracy', { token: 'cgv_typed' })).toEqual({
      kind: 'ready',
      confirmed: 1,
      reviewed: 2,
    });
    expect(bearer(0)).toBe('Bearer cgv_typed');
    // Asking stores nothing: the sign-in saves only once the service took it.
    expect(await volunteerItem.getValue()).toEqual({});
    await volunteerItem.setValue({ token: 'cgv_saved' });
    await answer('volunteerAccuracy', null);
    expect(bearer(1)).toBe('Bearer cgv_saved');
    await answer('volunteerAccuracy', { token: 'cgv_other' });
    expect(bearer(2)).toBe('Bearer cgv_other');
    // An empty token is no token: the message is refused before anything is sent.
    await expect(answer('volunteerAccuracy', { token: '' })).rejects.toThrow();
    expect(fetched).toHaveBeenCalledTimes(3);
  });
});
