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
  afterEach(() => vi.unstubAllGlobals());

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
    vi.stubGlobal(
      'fetch',
      vi.fn(() => replies.shift()!()),
    );
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
});
