// autocannon (its CLI) in its own process: the load generator never shares the event loop or the
// core of the server it measures, unlike bench/load.ts's in-process loop.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export interface CannonResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers other than 2xx, and connection errors or timeouts. */
  non2xx: number;
  errors: number;
}

const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** `connections` keep-alive connections issuing GETs for `seconds`. Latencies in milliseconds. */
export async function cannon(url: string, opts: { seconds?: number; connections?: number; headers?: Record<string, string> } = {}): Promise<CannonResult> {
  const args = [cli, '-j', '-c', String(opts.connections ?? 16), '-d', String(opts.seconds ?? 5)];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}:${v}`);
  args.push(url);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`autocannon exited ${code}: ${err.slice(0, 300)}`);
  const r = JSON.parse(out) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

interface Comparison {
  ours: CannonResult[];
  ref: CannonResult[];
  /** The best round of each side (the least disturbed by the machine). */
  best: { ours: CannonResult; ref: CannonResult };
}

/**
 * Our server against a reference in alternating rounds (so a slow spell of the machine falls on
 * both) after a warm-up of each, the best of each side. A round with an answer other than 2xx or
 * an error voids the comparison: a ratio against a server that stopped answering means nothing.
 */
export async function alternateRounds(ours: { url: string; headers?: Record<string, string> }, ref: { url: string }, rounds = 2): Promise<Comparison> {
  const oursRuns: CannonResult[] = [];
  const refRuns: CannonResult[] = [];
  // A server just started is still compiling its code: its first seconds are not its speed.
  await cannon(ours.url, { seconds: 2, connections: 16, headers: ours.headers });
  await cannon(ref.url, { seconds: 2, connections: 16 });
  for (let round = 0; round < rounds; round++) {
    oursRuns.push(await cannon(ours.url, { seconds: 5, connections: 16, headers: ours.headers }));
    refRuns.push(await cannon(ref.url, { seconds: 5, connections: 16 }));
  }
  for (const [url, runs] of [[ours.url, oursRuns], [ref.url, refRuns]] as const) {
    for (const r of runs) if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors in a round`);
  }
  const best = (runs: CannonResult[]) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
  return { ours: oursRuns, ref: refRuns, best: { ours: best(oursRuns), ref: best(refRuns) } };
}

/** The rounds' throughputs, for a figure's note. */
export const roundsText = (runs: CannonResult[]) => runs.map((x) => Math.round(x.rps)).join(' / ');
