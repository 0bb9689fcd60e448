// How busy the machine's cores were just before a benchmark: every figure of a page's main thread
// or of a server's throughput on a two-core machine also measures whatever else was running
// (docs/performance.md, "The machine under the figures"). Read from the kernel's own counters
// (/proc/stat) over a short sample; the load average says less here, since it counts tasks
// waiting on I/O, and an idle kernel thread kept it at 2 on a quiet machine.
import { readFileSync } from 'node:fs';

/** Busy and total jiffies of all cores together, or null where /proc/stat is not there. */
function cpuTimes(): { busy: number; total: number } | null {
  let line: string;
  try {
    line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  } catch {
    return null;
  }
  // cpu user nice system idle iowait irq softirq steal …
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

/** The share (0–1) of all cores' time that was busy over `ms`, or null off Linux. */
export async function machineBusy(ms = 2000): Promise<number | null> {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTimes();
  if (!before || !after || after.total === before.total) return null;
  return (after.busy - before.busy) / (after.total - before.total);
}
