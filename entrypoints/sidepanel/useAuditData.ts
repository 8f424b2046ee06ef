import { useEffect, useRef, useState } from 'preact/hooks';
import type { AuditRow, AuditSummary } from '../../src/audit/model';
import { errorText } from '../../src/error-text';
import type { BrandSummary } from '../../src/matching/search';
import { sendMessage, type TabEntry } from '../../src/messaging/protocol';
import { auditBrandsItem } from '../../src/settings/items';
import { singleFlight } from '../../src/single-flight';
import { onBackgroundEvent } from '../../src/ui/events';
import { useFollowUpRead } from '../../src/ui/follow-up';
import { type Load, useAsked } from '../../src/ui/load';

export interface RegistryView {
  brands: BrandSummary[];
  version: number;
}

/** The brands of the registry in use and its version. */
export const useRegistry = (): Load<RegistryView> =>
  useAsked(async () => {
    const [brands, status] = await Promise.all([
      sendMessage('registryBrands', null),
      sendMessage('registryStatus', null),
    ]);
    return { brands, version: status.version };
  });

/** The registry ids the volunteer audits, followed as the options page changes them. */
export function useAuditedBrands(): Load<string[]> {
  const [load, setLoad] = useState<Load<string[]>>({ kind: 'loading' });
  useEffect(() => {
    let alive = true;
    auditBrandsItem.getValue().then(
      (ids) => alive && setLoad({ kind: 'ready', value: ids }),
      (error: unknown) => alive && setLoad({ kind: 'error', detail: errorText(error) }),
    );
    const unwatch = auditBrandsItem.watch((ids) => alive && setLoad({ kind: 'ready', value: ids ?? [] }));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return load;
}

export interface SessionView {
  summary: AuditSummary | null;
  rows: AuditRow[];
}

/**
 * The open session and its rows, read again whenever the background bumps the audit revision.
 * A read asked for while one runs follows it, so no change is missed and reads never pile up.
 */
export function useSession(): {
  load: Load<SessionView>;
  refresh: () => Promise<void>;
  /** Changes the rows shown at once (a selection), ahead of the background's answer. */
  patch: (change: (view: SessionView) => SessionView) => void;
} {
  const [load, setLoad] = useState<Load<SessionView>>({ kind: 'loading' });
  const alive = useRef(true);

  const refresh = useFollowUpRead(async () => {
    if (!alive.current) return;
    try {
      const [summary, rows] = await Promise.all([sendMessage('auditState', null), sendMessage('auditRows', null)]);
      if (alive.current) setLoad({ kind: 'ready', value: { summary, rows: summary ? rows : [] } });
    } catch (error) {
      if (alive.current) setLoad({ kind: 'error', detail: errorText(error) });
    }
  });

  useEffect(() => {
    alive.current = true;
    void refresh();
    const unwatch = onBackgroundEvent('auditChanged', () => void refresh());
    return () => {
      alive.current = false;
      unwatch();
    };
  }, []);

  const patch = (change: (view: SessionView) => SessionView) =>
    setLoad((previous) => (previous.kind === 'ready' ? { kind: 'ready', value: change(previous.value) } : previous));

  return { load, refresh, patch };
}

/** The least time between two reads of a tab's entries while its page reads batch after batch. */
const TAB_REREAD_MS = 250;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the tab's page was found to hold, in page order: asked of the background, and asked again
 * whenever the background announces that the tab changed (each batch the page reads, the page
 * moving on); reads follow one another at most every TAB_REREAD_MS.
 */
export function useTabEntries(tabId: number | undefined, url: string | undefined): Load<TabEntry[]> {
  const [load, setLoad] = useState<Load<TabEntry[]>>({ kind: 'loading' });
  useEffect(() => {
    if (tabId === undefined) return;
    let alive = true;
    setLoad({ kind: 'loading' });

    const read = singleFlight(async (askedAgain) => {
      while (alive) {
        try {
          const entries = await sendMessage('getTabAssessments', tabId);
          if (alive) setLoad({ kind: 'ready', value: entries });
        } catch (error) {
          if (alive) setLoad({ kind: 'error', detail: errorText(error) });
        }
        if (!askedAgain()) return;
        await pause(TAB_REREAD_MS);
      }
    });
    void read();
    const unwatch = onBackgroundEvent('tabChanged', (changed) => {
      if (alive && changed === tabId) void read();
    });
    return () => {
      alive = false;
      unwatch();
    };
  }, [tabId, url]);
  return load;
}
