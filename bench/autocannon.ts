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
