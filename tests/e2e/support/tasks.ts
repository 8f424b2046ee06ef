import type { Page } from 'playwright-core';

/** One task the page's main thread ran, in ms from the parse of the page (or the trace's start). */
export interface MainThreadTask {
  start: number;
  /** Wall time: what the longtask API reports. */
  wall: number;
  /** The thread's own time: what the task cost, whatever else waited for the machine's cores. */
  cpu: number;
}

export interface MainThreadTrace {
  tasks: MainThreadTask[];
  /** When the page's load event was marked, on the same clock, if it was within the trace. */
  load: number | undefined;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; beginData?: { frame?: string; url?: string }; data?: { frame?: string } };
}

/**
 * Traces the page's renderer main thread through CDP. The longtask API counts wall time; on a
 * two-core machine shared with the browser's other processes, a task that costs 16 ms can take
 * 65 ms of wall time while it waits for a core. The trace gives both, so a test can hold the
 * extension to what its tasks cost and still print what they took.
 */
export async function traceMainThread(page: Page): Promise<{ stop(): Promise<MainThreadTrace> }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      const { frameTree } = await cdp.send('Page.getFrameTree');
      await cdp.detach();
      return mainThreadOf(events, frameTree.frame.id, page.url());
    },
  };
}

function mainThreadOf(events: TraceEvent[], frame: string, url: string): MainThreadTrace {
  const thread = (event: TraceEvent) => `${event.pid}:${event.tid}`;
  const mains = new Set(
    events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map(thread),
  );
  // The page's thread is the renderer main thread that did the most for its main frame (the
  // frame keeps its id if a navigation moves it to another process).
  const forFrame = (event: TraceEvent) =>
    (event.args?.data?.frame ?? event.args?.beginData?.frame) === frame && mains.has(thread(event));
  const counts = new Map<string, number>();
  for (const event of events.filter(forFrame)) counts.set(thread(event), (counts.get(thread(event)) ?? 0) + 1);
  const own = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!own) throw new Error('the trace holds no renderer main thread for the page');
  const on = events.filter((event) => thread(event) === own);
  // Times count from the parse of the page's address when the trace saw it, else from its start.
  const parse = on.find((event) => event.name === 'ParseHTML' && event.args?.beginData?.url === url);
  const origin = parse?.ts ?? Math.min(...on.map((event) => event.ts));
  const runs = on
    .filter((event) => event.name === 'ThreadControllerImpl::RunTask' && event.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  // Tasks nest (a task run inside another's nested loop): count the outer one only.
  const tasks: MainThreadTask[] = [];
  let outerEnd = -Infinity;
  for (const run of runs) {
    if (run.ts < outerEnd) continue;
    outerEnd = run.ts + (run.dur ?? 0);
    tasks.push({ start: (run.ts - origin) / 1000, wall: (run.dur ?? 0) / 1000, cpu: (run.tdur ?? 0) / 1000 });
  }
  const load = on.find((event) => event.name === 'MarkLoad' && event.args?.data?.frame === frame);
  return { tasks, load: load ? (load.ts - origin) / 1000 : undefined };
}

/** Tasks as a line of a report: "65 ms (16 ms of its own) at 2493 ms". */
export function describeTasks(tasks: MainThreadTask[]): string {
  return tasks.length
    ? tasks
        .map((task) => `${task.wall.toFixed(0)} ms (${task.cpu.toFixed(0)} ms its own) at ${task.start.toFixed(0)} ms`)
        .join(', ')
    : 'none';
}
