import { call, type Decided, ServiceError } from './api';

/**
 * Decisions on their way to the service. Each is kept (in this tab's session storage) until the
 * service has it: one it could not reach is sent again, waiting longer each time; one it refused
 * stays, with its words, until the volunteer dismisses it. Deciding a listing twice is harmless
 * on the service, so a decision whose answer was lost is simply sent again.
 */

export interface Decision {
  id: string;
  keys: string[];
  decision: 'confirm' | 'reject';
  note: string;
  attempts: number;
  /** When it is sent next (ms), while it waits to be retried. */
  retryAt?: number;
  /** The service's words, when it refused it. */
  refused?: string;
}

const STORE = 'cg-console-decisions';
const FIRST_WAIT_MS = 1000;
const LONGEST_WAIT_MS = 30_000;

type Listener = (pending: Decision[], done?: { decision: Decision; answer: Decided }) => void;

export class Decisions {
  private pending: Decision[];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly token: string) {
    this.pending = load();
    // Those left from before a reload go again now.
    for (const decision of this.pending) if (!decision.refused) this.send(decision);
  }

  list(): Decision[] {
    return this.pending;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  decide(keys: string[], decision: 'confirm' | 'reject', note: string): void {
    const made: Decision = { id: crypto.randomUUID(), keys, decision, note, attempts: 0 };
    this.update([...this.pending, made]);
    this.send(made);
  }

  dismiss(id: string): void {
    this.update(this.pending.filter((decision) => decision.id !== id));
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.listeners.clear();
  }

  private async send(decision: Decision): Promise<void> {
    this.timers.delete(decision.id);
    try {
      const answer = await call<Decided>(this.token, '/v1/volunteer/listings/review', {
        method: 'POST',
        body: { keys: decision.keys, decision: decision.decision, note: decision.note },
      });
      this.update(
        this.pending.filter((one) => one.id !== decision.id),
        { decision, answer },
      );
    } catch (error) {
      const attempts = decision.attempts + 1;
      if (error instanceof ServiceError && error.kind === 'unreachable') {
        const wait = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (attempts - 1));
        const next = { ...decision, attempts, retryAt: Date.now() + wait };
        this.replace(next);
        this.timers.set(
          next.id,
          setTimeout(() => void this.send(next), wait),
        );
      } else {
        const { retryAt: _, ...rest } = decision;
        this.replace({ ...rest, attempts, refused: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  private replace(decision: Decision): void {
    this.update(this.pending.map((one) => (one.id === decision.id ? decision : one)));
  }

  private update(pending: Decision[], done?: { decision: Decision; answer: Decided }): void {
    this.pending = pending;
    sessionStorage.setItem(STORE, JSON.stringify(pending));
    for (const listener of this.listeners) listener(pending, done);
  }
}

function load(): Decision[] {
  try {
    const kept = JSON.parse(sessionStorage.getItem(STORE) ?? '[]') as Decision[];
    return Array.isArray(kept) ? kept : [];
  } catch {
    return [];
  }
}

/** Forgets every decision not yet sent: signing out leaves nothing of the session behind. */
export function forgetDecisions(): void {
  sessionStorage.removeItem(STORE);
}
