// What a Lighthouse trace says about the page's main thread beside its simulated TBT: how much of
// its long tasks' time the thread actually ran (the rest it waited for a core), and the blocking
// time those tasks would count if each lasted four times its CPU time instead of four times its
// wall time. On two cores shared by Chromium's processes, the server and Lighthouse, the main
// thread can run a third of a task's time; Lighthouse multiplies the whole task by four
// (docs/performance.md, "The machine under the figures").

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event, µs (absent where the platform does not give it). */
  tdur?: number;
  args?: { frame?: string; data?: { frames?: Array<{ frame: string; isOutermostMainFrame?: boolean }> } };
}

export interface MainThreadCpu {
  /** Σ max(0, 4 × CPU time − 50 ms) over the main thread's tasks from the first contentful paint. */
  cpuBlockingMs: number;
  /** CPU time ÷ wall time over those tasks of 12.5 ms or more (the ones four times makes long). */
  ranShare: number;
}

const SLOWDOWN = 4;
const LONG_MS = 50;

/** Null when the trace has no first contentful paint of the page's main frame, or no CPU times. */
export function mainThreadCpu(trace: { traceEvents: TraceEvent[] }): MainThreadCpu | null {
  const events = trace.traceEvents;
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const mainFrame = started?.args?.data?.frames?.find((f) => f.isOutermostMainFrame)?.frame;
  // Emitted on the renderer's main thread: its pid and tid name the thread to read.
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && (!mainFrame || e.args?.frame === mainFrame));
  if (!fcp) return null;
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === fcp.pid && e.tid === fcp.tid && e.ts >= fcp.ts && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  // A task inside another (a nested run loop) is already in its parent's times.
  const top: TraceEvent[] = [];
  for (const task of tasks) {
    const last = top.at(-1);
    if (last && task.ts < last.ts + (last.dur ?? 0)) continue;
    top.push(task);
  }
  if (!top.some((t) => t.tdur !== undefined)) return null;
  const blocking = (ms: number) => Math.max(0, SLOWDOWN * ms - LONG_MS);
  let cpu = 0;
  let ranUs = 0;
  let wallUs = 0;
  for (const task of top) {
    const dur = task.dur ?? 0;
    const tdur = Math.min(task.tdur ?? 0, dur);
    cpu += blocking(tdur / 1000);
    if (dur >= (LONG_MS / SLOWDOWN) * 1000) {
      ranUs += tdur;
      wallUs += dur;
    }
  }
  return { cpuBlockingMs: cpu, ranShare: wallUs ? ranUs / wallUs : 1 };
}
