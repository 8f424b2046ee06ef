import { browser } from 'wxt/browser';
import { type AuditRow, countsByBrand, countsOf, summaryOf } from '../audit/model';
import { auditStore, type SeenListing } from '../audit/store';
import type { Listing } from '../listing/listing';
import { type AccuracyAnswer, sendMessage } from '../messaging/protocol';
import { REPORT_SERVICE } from '../reports/build-config';
import type { Assessment } from '../risk/assessment';
import { auditBrandsItem, volunteerItem } from '../settings/items';
import { announce } from './announce';
import { shareAuditCounts } from './audit-share';
import type { Handle } from './handle';
import type { UserOverrides } from './overrides';
import type { RegistryHolder } from './registry-holder';
import { reporterId } from './reporter-id';
import type { Reporting } from './reporting';
import { serialQueue } from './serial';
import { volunteerCall } from './service-call';
import type { Sightings } from './sightings';
import { tabState } from './tab-state';

/** Reports one bulk action makes at most; the rest wait for the next. */
const BULK_LIMIT = 500;

/**
 * Audit mode's background: the open session collects the listings of the audited brands that
 * pages show while it is open (the volunteer navigates; nothing here opens or clicks a page),
 * bulk reports go through the same outbox as one-click ones, and a row hovered in the audit
 * view is outlined on its page.
 */
export function registerAudit(
  handle: Handle,
  registry: RegistryHolder,
  reporting: Reporting,
  overrides: UserOverrides,
  sightings: Sightings,
) {
  // Writes one after another, so batches arriving together land in order.
  const serialised = serialQueue();
  const changed = () => announce('auditChanged', null);
  // Which session is open, read once per worker and after each start or end: every batch of
  // listings asks, and most of the time none is.
  let openSession: ReturnType<typeof auditStore.open> | undefined;
  const currentSession = () => {
    openSession ??= auditStore.open();
    return openSession;
  };

  // The rows as the views show them: with what the user said of a listing applied.
  async function rowView() {
    const override = await overrides.current();
    return (row: AuditRow): AuditRow => ({ ...row, assessment: override(row.assessment) });
  }
  const rowsOf = async (sessionId: string) => (await auditStore.rows(sessionId)).map(await rowView());

  async function openSummary() {
    const session = await auditStore.open();
    return session ? summaryOf(session, await rowsOf(session.id)) : null;
  }

  handle('auditState', async () => {
    return openSummary();
  });

  handle('startAudit', async () => {
    const known = new Set((await registry.index()).brands.map((brand) => brand.id));
    const brands = (await auditBrandsItem.getValue()).filter((id) => known.has(id));
    if (brands.length === 0) throw new Error('choose at least one brand of the registry to audit, in the options');
    // The start and what the open tabs already show, in one queued step: a batch read meanwhile
    // waits, so the order of first sight stays the pages' own.
    await serialised(async () => {
      await auditStore.start(brands, Date.now());
      openSession = undefined;
      for (const tab of await browser.tabs.query({})) {
        if (tab.id === undefined || !tab.url) continue;
        const entries = await tabState.get(tab.id);
        await record(
          tab.url,
          entries.map((entry) => entry.listing),
          entries.map((entry) => entry.assessment),
        );
      }
    });
    changed();
    return (await openSummary())!;
  });

  handle('endAudit', async () => {
    const session = await serialised(async () => {
      const ended = await auditStore.end(Date.now());
      openSession = undefined;
      return ended;
    });
    changed();
    if (!session) return null;
    const rows = await rowsOf(session.id);
    // The counts go to the service when the volunteer agreed; the answer does not wait for it.
    void shareAuditCounts(session.id, session.endedAt ?? Date.now(), countsByBrand(rows)).catch((error: unknown) =>
      console.warn('[counterfeit-guard] audit counts not sent:', error),
    );
    return summaryOf(session, rows);
  });

  handle('auditRows', async ({ data: id }) => {
    const sessionId = id ?? (await auditStore.open())?.id;
    return sessionId ? rowsOf(sessionId) : [];
  });

  handle('selectAudit', async ({ data: change }) => {
    const session = await auditStore.open();
    if (!session) throw new Error('no audit session is open');
    await serialised(() =>
      auditStore.update(session.id, change.keys, (row) => ({ ...row, selected: change.selected })),
    );
    changed();
    return countsOf(session, await rowsOf(session.id));
  });

  handle('reportAudited', async ({ data: target }) => {
    const session = await auditStore.open();
    if (!session) throw new Error('no audit session is open');
    const wanted = new Set(target.keys.slice(0, BULK_LIMIT));
    const rows = (await auditStore.rows(session.id)).filter((row) => wanted.has(row.key));
    // One screenshot per page, with the first report of the page the volunteer has in view.
    const shown = await shownTabs();
    const shotTaken = new Set<string>();
    const outcome = { reported: 0, already: 0, failed: 0 };
    for (const row of rows) {
      const tab = shotTaken.has(row.pageUrl) ? undefined : shown.get(row.pageUrl);
      if (tab !== undefined) shotTaken.add(row.pageUrl);
      try {
        const answer = await reporting.file('report', row.listing, row.assessment, {
          ...(tab !== undefined ? { screenshotTab: tab } : {}),
          limited: false,
        });
        if (answer.outcome === 'reported' || answer.outcome === 'already') {
          outcome[answer.outcome]++;
          const { id, createdAt } = answer.entry;
          await serialised(() =>
            auditStore.update(session.id, [row.key], (held) => ({ ...held, reportId: id, reportedAt: createdAt })),
          );
        } else outcome.failed++;
      } catch (error) {
        console.warn('[counterfeit-guard] bulk report', row.key, error);
        outcome.failed++;
      }
    }
    changed();
    return outcome;
  });

  handle('auditHistory', async () => {
    return auditStore.history(await rowView());
  });

  handle('highlightListing', async ({ data: target }) => {
    return sendMessage('highlight', target.key, target.tabId).catch(() => false);
  });

  handle('volunteerAccuracy', async ({ data }) => {
    return accuracy(data?.token);
  });

  /** Records what a page showed of the audited brands, when a session is open. */
  function observe(pageUrl: string, listings: readonly Listing[], assessments: readonly Assessment[]) {
    return serialised(() => record(pageUrl, listings, assessments));
  }

  async function record(pageUrl: string, listings: readonly Listing[], assessments: readonly Assessment[]) {
    const session = await currentSession();
    if (!session) return;
    const audited = new Set(session.brands);
    const found: SeenListing[] = [];
    for (const [i, listing] of listings.entries()) {
      const assessment = assessments[i]!;
      const brand = assessment.brand;
      if (brand && audited.has(brand)) found.push({ listing, assessment, brand });
    }
    if (await auditStore.record(pageUrl, found, Date.now())) changed();
    // A filed listing an audit session shows is still up; the answer does not wait for the service.
    void sightings
      .seen(
        found.map((one) => one.listing.key),
        'up',
      )
      .catch((error: unknown) => console.warn('[counterfeit-guard] sightings not sent:', error));
  }

  return { observe };
}

/** The address each active tab shows, for the screenshot that goes with a page's reports. */
async function shownTabs(): Promise<Map<string, number>> {
  const tabs = await browser.tabs.query({ active: true });
  return new Map(tabs.flatMap((tab) => (tab.url && tab.id !== undefined ? [[tab.url, tab.id] as const] : [])));
}

/**
 * The volunteer's reports as the service judged them, or why not, in words the options page
 * shows: with the token given (one about to be saved), else the saved one.
 */
async function accuracy(given?: string): Promise<AccuracyAnswer> {
  const token = given ?? (await volunteerItem.getValue()).token;
  if (!token) return { kind: 'refused', detail: 'no volunteer token is saved' };
  if (!REPORT_SERVICE) return { kind: 'unreachable', detail: 'this build names no companion service' };
  const { response } = await volunteerCall(
    token,
    `/v1/volunteer/accuracy?reporterId=${encodeURIComponent(await reporterId())}`,
    undefined,
    fetch,
  );
  if (!response) return { kind: 'unreachable', detail: 'the companion service could not be reached' };
  const body = (await response.json().catch(() => ({}))) as {
    confirmed?: unknown;
    reviewed?: unknown;
    message?: unknown;
  };
  if (response.status === 401 || response.status === 403) {
    // The service says why in words of its own ("This token has expired; ask for a new one.").
    const said = typeof body.message === 'string' ? body.message.slice(0, 200) : undefined;
    return { kind: 'refused', detail: said ?? `HTTP ${response.status}` };
  }
  if (!response.ok)
    return { kind: 'unreachable', detail: `the service answered with an error (HTTP ${response.status})` };
  if (typeof body.confirmed !== 'number' || typeof body.reviewed !== 'number')
    return { kind: 'unreachable', detail: 'the service answered in an unexpected form' };
  return { kind: 'ready', confirmed: body.confirmed, reviewed: body.reviewed };
}
