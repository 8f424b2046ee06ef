import type { Feedback, REPORT_CATEGORIES, Report } from './report';

export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/**
 * The outbox's state machine, pure: every function takes an entry and the time and returns
 * the next entry. Storage, sending and waking up live elsewhere.
 *
 *   queued ──sent──► sent ──withdraw──► withdrawing ──answered──► withdrawn
 *     │  ╰─refused─► failed ──withdraw──► withdrawn
 *     ╰─withdraw──► withdrawn (never left the machine) or withdrawing (it may have arrived)
 */
export type OutboxKind = 'report' | 'feedback';
type OutboxStatus = 'queued' | 'sent' | 'failed' | 'withdrawing' | 'withdrawn';
/** What an attempt does: deliver the entry, or tell the service it is withdrawn. */
export type Operation = 'send' | 'withdraw';

/** Why an attempt did not get through; `refused` is final, the others are tried again. */
export type SendFailure =
  | { code: 'unreachable' }
  /** The person has not (yet) allowed reports to leave the device, where the browser asks. */
  | { code: 'consent' }
  | { code: 'timeout' }
  | { code: 'server_error'; status: number }
  | { code: 'rate_limited'; retryAfterSeconds?: number }
  | { code: 'refused'; status: number; detail: string };

export type SendResult = { ok: true } | { ok: false; failure: SendFailure };

export interface OutboxEntry {
  /** The body's id: the service's idempotency key, so a repeated attempt is the same report. */
  id: string;
  kind: OutboxKind;
  body: Report | Feedback;
  status: OutboxStatus;
  createdAt: number;
  /** Not sent before this time: the undo window, or the details step still open. */
  holdUntil: number;
  /** Attempts at the current operation. */
  attempts: number;
  /** When the next attempt is due; set before each attempt, so one cut short is retried. */
  nextAttemptAt: number;
  lastFailure?: SendFailure;
  sentAt?: number;
  withdrawnAt?: number;
  /** Why a screenshot was wanted but not taken. */
  screenshotSkipped?: 'not_permitted' | 'too_large' | 'failed';
  /** The screenshot's hash, kept once its image has gone with the report (images are not kept after sending). */
  screenshotSha256?: string;
  /** Made in bulk from an audit session (outside the one-click limit). */
  bulk?: true;
}

export const UNDO_MS = 10_000;
/** How long the details step may keep a report back before it goes as it is. */
export const DETAILS_HOLD_MS = 15 * 60_000;
export const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = 60 * 60_000;

export function newEntry(kind: OutboxKind, body: Report | Feedback, now: number): OutboxEntry {
  return {
    id: body.id,
    kind,
    body,
    status: 'queued',
    createdAt: now,
    holdUntil: now + UNDO_MS,
    attempts: 0,
    nextAttemptAt: now + UNDO_MS,
  };
}

/**
 * The wait before attempt `attempt + 1`: 5 s doubling up to an hour, spread by ±20 % so that
 * many clients (or many reports) coming back together do not arrive in step.
 */
function backoffMs(attempt: number, random: number): number {
  const base = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.min(LAST_RETRY_MS, Math.round(base * (0.8 + 0.4 * random)));
}

/** The operation an entry waits for, if any. */
export function pendingOperation(entry: OutboxEntry): Operation | undefined {
  if (entry.status === 'queued') return 'send';
  if (entry.status === 'withdrawing') return 'withdraw';
  return undefined;
}

/** When the entry's next attempt is due, or undefined when it waits for nothing. */
export function dueAt(entry: OutboxEntry): number | undefined {
  const operation = pendingOperation(entry);
  if (operation === 'send') return Math.max(entry.holdUntil, entry.nextAttemptAt);
  if (operation === 'withdraw') return entry.nextAttemptAt;
  return undefined;
}

/** Recorded before the attempt goes out: if the worker stops mid-way, the entry is due again after the backoff. */
export function beginAttempt(entry: OutboxEntry, now: number, random: number): OutboxEntry {
  const attempts = entry.attempts + 1;
  return { ...entry, attempts, nextAttemptAt: now + backoffMs(attempts, random) };
}

/**
 * The entry after an attempt at `operation` came back. The entry is read again after the
 * attempt, so a withdrawal made while a send was under way is honoured.
 */
export function afterAttempt(
  entry: OutboxEntry,
  operation: Operation,
  result: SendResult,
  now: number,
  random: number,
): OutboxEntry {
  if (operation === 'send') {
    if (entry.status === 'queued') {
      if (result.ok) return withoutImage(clean({ ...entry, status: 'sent', sentAt: now, lastFailure: undefined }));
      if (result.failure.code === 'refused') return { ...entry, status: 'failed', lastFailure: result.failure };
      return retryLater(entry, result.failure, now, random);
    }
    if (entry.status === 'withdrawing') {
      // Withdrawn while this send was under way: if the service took it, it must hear of the withdrawal.
      if (result.ok) return clean({ ...entry, sentAt: now, attempts: 0, nextAttemptAt: now, lastFailure: undefined });
      if (result.failure.code === 'refused') return clean({ ...entry, status: 'withdrawn', lastFailure: undefined });
    }
    return entry;
  }
  if (entry.status !== 'withdrawing') return entry;
  if (result.ok) return clean({ ...entry, status: 'withdrawn', lastFailure: undefined });
  // The service would not take the withdrawal: the report stands, and the history says why.
  if (result.failure.code === 'refused') return { ...entry, status: 'sent', lastFailure: result.failure };
  return retryLater(entry, result.failure, now, random);
}

function retryLater(entry: OutboxEntry, failure: SendFailure, now: number, random: number): OutboxEntry {
  const asked = failure.code === 'rate_limited' ? (failure.retryAfterSeconds ?? 0) * 1000 : 0;
  return {
    ...entry,
    lastFailure: failure,
    nextAttemptAt: now + Math.max(asked, backoffMs(entry.attempts, random)),
  };
}

/** Whether undo still applies: nothing about it has been attempted yet. */
export const undoable = (entry: OutboxEntry): boolean => entry.status === 'queued' && entry.attempts === 0;

/** Whether the reporter can still withdraw it. Feedback, once sent, cannot be (the service keeps it as given). */
export function withdrawable(entry: OutboxEntry): boolean {
  if (entry.status === 'withdrawing' || entry.status === 'withdrawn') return false;
  // Feedback cannot be withdrawn from the service: only while it surely has not gone.
  return entry.kind === 'report' || undoable(entry) || entry.status === 'failed';
}

export function withdraw(entry: OutboxEntry, now: number): OutboxEntry {
  if (!withdrawable(entry)) return entry;
  // Never attempted, or refused by the service: it never arrived, so nothing needs saying.
  const arrivedMaybe = entry.status === 'sent' || (entry.status === 'queued' && entry.attempts > 0);
  if (!arrivedMaybe || entry.kind === 'feedback')
    return clean({ ...entry, status: 'withdrawn', withdrawnAt: now, lastFailure: undefined });
  return clean({
    ...entry,
    status: 'withdrawing',
    withdrawnAt: now,
    attempts: 0,
    holdUntil: now,
    nextAttemptAt: now,
    lastFailure: undefined,
  });
}

/** The details step is open: keep the report back while the reporter writes. */
export function hold(entry: OutboxEntry, now: number): OutboxEntry {
  if (!undoable(entry)) return entry;
  return { ...entry, holdUntil: Math.max(entry.holdUntil, now + DETAILS_HOLD_MS) };
}

/**
 * The reporter's category and note, given in the details step. Only a report not yet
 * attempted can change (one that may have arrived is as it was sent); it then goes once the
 * undo window is over.
 */
export function amend(
  entry: OutboxEntry,
  details: { category?: ReportCategory; note?: string },
  now: number,
): OutboxEntry {
  if (!undoable(entry)) return entry;
  const note = details.note?.trim() ? details.note.trim() : undefined;
  const body = {
    ...entry.body,
    ...(entry.kind === 'report' && details.category ? { category: details.category } : {}),
  };
  if (note) body.note = note;
  else delete body.note;
  return { ...entry, body, holdUntil: Math.max(now, entry.createdAt + UNDO_MS) };
}

/** The details step closed without changes: the report goes as it is. */
export const release = (entry: OutboxEntry, now: number): OutboxEntry =>
  undoable(entry) ? { ...entry, holdUntil: Math.max(now, entry.createdAt + UNDO_MS) } : entry;

/** A sent report's screenshot image is the service's now: the outbox keeps its hash, not megabytes. */
function withoutImage(entry: OutboxEntry): OutboxEntry {
  if (!('screenshot' in entry.body) || !entry.body.screenshot) return entry;
  const { screenshot, ...body } = entry.body;
  return { ...entry, body, screenshotSha256: screenshot.sha256 };
}

/** Drops properties set to undefined, so stored entries carry only what they hold. */
function clean(entry: OutboxEntry): OutboxEntry {
  for (const key of Object.keys(entry) as (keyof OutboxEntry)[]) if (entry[key] === undefined) delete entry[key];
  return entry;
}

/** An entry as extension pages see it: a screenshot named by its hash; its image stays in the outbox. */
export type OutboxView = Omit<OutboxEntry, 'body'> & {
  body: Omit<Report, 'screenshot'> | Feedback;
  screenshotSha256?: string;
};

export const viewOf = (entry: OutboxEntry): OutboxView => withoutImage(entry);
