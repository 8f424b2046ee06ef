import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { errorText } from '../error-text';
import type { Listing } from '../listing/listing';
import type { ReportTarget } from '../messaging/messages';
import type { MarketplaceLink, ReportAnswer } from '../messaging/protocol';
import { REPORT_LIMIT_PER_MINUTE, REPORT_SERVICE, REPORT_TIMEOUT_MS } from '../reports/build-config';
import { composeFeedback, composeReport, type ReportContext, sha256Hex } from '../reports/compose';
import { maySendReports } from '../reports/consent';
import { deliver } from '../reports/deliver';
import { marketplaceReportLink } from '../reports/marketplace-link';
import { createOutbox } from '../reports/outbox';
import {
  amend,
  hold,
  newEntry,
  type OutboxEntry,
  type OutboxKind,
  release,
  undoable,
  viewOf,
  withdraw,
} from '../reports/outbox-model';
import { FeedbackSchema, type Report, ReportSchema } from '../reports/report';
import type { Assessment } from '../risk/assessment';
import { screenshotsItem } from '../settings/items';
import type { Handle } from './handle';
import type { UserOverrides } from './overrides';
import type { RegistryHolder } from './registry-holder';
import { reporterId } from './reporter-id';
import { serialQueue } from './serial';
import { tabState } from './tab-state';

const OUTBOX_ALARM = 'report-outbox';
const MINUTE = 60_000;
/** The schema's bound on a screenshot's base64 text. */
const MAX_SCREENSHOT_BASE64 = 2_800_000;

/**
 * The report outbox's listeners: reports and feedback are made from what the background
 * itself read and assessed on the tab (never from what a message claims), stored, and sent
 * when due. An alarm wakes a stopped worker for the next due entry; while the worker runs, a
 * timer is exact where alarms are coarse.
 */
export function registerReporting(handle: Handle, registry: RegistryHolder, overrides: UserOverrides) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outbox = createOutbox({
    deliver: async (entry, operation) => {
      if (!REPORT_SERVICE) return { ok: false, failure: { code: 'unreachable' } };
      // A report leaves the device only once the person allowed it (a withdrawal only takes back).
      if (operation === 'send' && !(await maySendReports())) return { ok: false, failure: { code: 'consent' } };
      return deliver(entry, operation, { service: REPORT_SERVICE, timeoutMs: REPORT_TIMEOUT_MS });
    },
    now: Date.now,
    random: Math.random,
    wake(at) {
      clearTimeout(timer);
      if (at === undefined) {
        void browser.alarms.clear(OUTBOX_ALARM);
        return;
      }
      timer = setTimeout(drain, Math.max(0, at - Date.now()));
      void browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1000) });
    },
  });
  const drain = () => void outbox.drain().catch((error) => console.warn('[counterfeit-guard] outbox', error));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) drain();
  });
  // A worker (re)started by any event picks up what a stopped one left, once the registry is
  // ready: the page that woke it waits on that, and the outbox can wait. So does a consent given.
  void registry
    .index()
    .catch(() => undefined)
    .then(drain);
  browser.permissions.onAdded.addListener(drain);

  /** The tab a target names: the sender's own for a content script, the named one for extension pages. */
  function tabOf(target: ReportTarget, checked: { tabId: number | undefined; from: string }): number | undefined {
    return checked.from === 'content' ? checked.tabId : target.tabId;
  }

  async function create(kind: OutboxKind, target: ReportTarget, tabId: number | undefined): Promise<ReportAnswer> {
    const found =
      tabId === undefined ? undefined : (await tabState.get(tabId)).find((e) => e.listing.key === target.key);
    if (!found || tabId === undefined) return { outcome: 'not_found' };
    return file(kind, found.listing, found.assessment, { screenshotTab: tabId, limited: true });
  }

  /**
   * Files a report or feedback of a listing as the background assessed it: not twice for one
   * listing, within the per-minute limit when `limited`, checked against the schema the service
   * uses, and stored before the answer. A screenshot of `screenshotTab` goes with a report when
   * the reporter turned screenshots on.
   */
  // One filing at a time: the "already reported" check and the store that follows it must not
  // interleave with another filing of the same listing (a badge and the audit view at once).
  const filing = serialQueue();
  const file = (...args: Parameters<typeof fileNow>): Promise<ReportAnswer> => filing(() => fileNow(...args));

  async function fileNow(
    kind: OutboxKind,
    listing: Listing,
    assessment: Assessment,
    options: { screenshotTab?: number; limited: boolean },
  ): Promise<ReportAnswer> {
    const now = Date.now();
    const index = await registry.index();
    const offered = marketplaceReportLink(listing, index.programmes);
    const link: MarketplaceLink | undefined =
      kind === 'report' && offered
        ? { url: offered.url, marketplace: listing.marketplace, estimated: offered.estimated }
        : undefined;
    const existing = (await outbox.forListing(listing.key)).find(
      (entry) => entry.kind === kind && entry.status !== 'withdrawn' && entry.status !== 'failed',
    );
    if (existing) return { outcome: 'already', entry: viewOf(existing), ...(link ? { link } : {}) };
    if (options.limited) {
      // Bulk reports from an audit are the volunteer's deliberate work and do not count here.
      const recent = (await outbox.createdSince(now - MINUTE)).filter((entry) => !entry.bulk);
      if (recent.length >= REPORT_LIMIT_PER_MINUTE) {
        const oldest = recent[REPORT_LIMIT_PER_MINUTE - 1]!.createdAt;
        return {
          outcome: 'limited',
          limit: REPORT_LIMIT_PER_MINUTE,
          retryInSeconds: Math.max(1, Math.ceil((oldest + MINUTE - now) / 1000)),
        };
      }
    }

    const context: ReportContext = {
      reporterId: await reporterId(),
      registryVersion: (await registry.status()).version,
      extensionVersion: browser.runtime.getManifest().version,
      now: new Date(now),
    };
    let entry: OutboxEntry;
    if (kind === 'report') {
      const wanted = options.screenshotTab !== undefined && (await screenshotsItem.getValue());
      const shot = wanted ? await screenshot(options.screenshotTab!) : undefined;
      const body = composeReport(listing, assessment, context, shot?.image);
      entry = {
        ...newEntry('report', body, now),
        ...(shot?.skipped ? { screenshotSkipped: shot.skipped } : {}),
        ...(options.limited ? {} : { bulk: true }),
      };
    } else {
      entry = newEntry('feedback', composeFeedback(listing, assessment, context), now);
      await overrides.setGenuine(listing.key, true);
    }
    // What the service would refuse is never stored as if it could be sent.
    const checked = v.safeParse(kind === 'report' ? ReportSchema : FeedbackSchema, entry.body);
    if (!checked.success)
      throw new Error(`the report could not be made (${v.getDotPath(checked.issues[0]) ?? 'body'})`);
    await outbox.add(entry);
    return { outcome: 'reported', entry: viewOf(entry), ...(link ? { link } : {}) };
  }

  handle('reportListing', async (checked) => {
    return create('report', checked.data, tabOf(checked.data, checked));
  });

  handle('markGenuine', async (checked) => {
    return create('feedback', checked.data, tabOf(checked.data, checked));
  });

  handle('undoReport', async ({ data: id }) => {
    let undone: OutboxEntry | undefined;
    await outbox.change(id, (entry) => {
      if (!undoable(entry)) return entry;
      undone = entry;
      return null;
    });
    if (undone?.kind === 'feedback') {
      await overrides.setGenuine(undone.body.listing.key, false);
    }
    return { undone: undone !== undefined };
  });

  const viewed = (entry: OutboxEntry | undefined) => (entry ? viewOf(entry) : null);

  handle('holdReport', async ({ data: id }) => {
    return viewed(await outbox.change(id, (entry) => hold(entry, Date.now())));
  });

  handle('amendReport', async ({ data: details }) => {
    return viewed(await outbox.change(details.id, (entry) => amend(entry, details, Date.now())));
  });

  handle('releaseReport', async ({ data: id }) => {
    return viewed(await outbox.change(id, (entry) => release(entry, Date.now())));
  });

  handle('withdrawReport', async ({ data: id }) => {
    const after = await outbox.change(id, (entry) => withdraw(entry, Date.now()));
    return viewed(after);
  });

  handle('reportHistory', async () => {
    return (await outbox.all()).sort((a, b) => b.createdAt - a.createdAt).map(viewOf);
  });

  return { file };
}

/**
 * The visible tab as a PNG with its SHA-256, when the tab is the one showing and the browser
 * lets the extension capture it (the toolbar button grants that for the tab it was used on).
 */
async function screenshot(
  tabId: number,
): Promise<{ image?: Report['screenshot']; skipped?: OutboxEntry['screenshotSkipped'] }> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active) return { skipped: 'failed' };
    const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    if (base64.length > MAX_SCREENSHOT_BASE64) return { skipped: 'too_large' };
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    return { image: { base64, sha256: await sha256Hex(bytes) } };
  } catch (error) {
    const denied = /permission|activeTab|all_urls/i.test(errorText(error));
    return { skipped: denied ? 'not_permitted' : 'failed' };
  }
}

export type Reporting = ReturnType<typeof registerReporting>;
