// Item 8's floor (issue 15): how near a bare node:http server any "nothing new" pull on the fixed
// stack can come, whatever the app does. The same body from Hono alone, with the app's response
// middlewares, then with one and two libSQL reads a request (bench/stack-floor-server.ts), each
// against bare node:http in the same run; autocannon in its own process, two alternating rounds of
// 5 s, the best of each side, as bench/size.bench.ts measures the app's own pull.
//
//   npm run bench stack-floor
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PullResponse } from '../shared/sync-protocol.ts';
import { cannon, type CannonResult } from './autocannon.ts';
import { startPortChild } from './port-child.ts';
import { Report } from './report.ts';

export const title = 'Item 8\'s floor: the fixed stack answering "nothing new" with nothing but its headers and one or two reads, against bare node:http';

const LEVELS = ['hono', 'headers', 'one read', 'two reads'] as const;
const RATIO_MIN_PCT = 25;

export async function run() {
  const report = new Report('stack-floor');
  const dir = mkdtempSync(join(tmpdir(), 'portee-stack-floor-'));
  const body = JSON.stringify({ cursor: 2002, snapshot: false, changes: {}, deleted: {} } satisfies PullResponse);
  const bare = await startPortChild('bench/bare-server.ts', [body]);
  try {
    for (const level of LEVELS) {
      const floor = await startPortChild('bench/stack-floor-server.ts', [level, body, join(dir, 'floor.db')]);
      try {
        const ours: CannonResult[] = [];
        const ref: CannonResult[] = [];
        for (let round = 0; round < 2; round++) {
          ours.push(await cannon(`http://127.0.0.1:${floor.port}/`));
          ref.push(await cannon(`http://127.0.0.1:${bare.port}/`));
        }
        const best = (runs: CannonResult[]) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
        const [o, r] = [best(ours), best(ref)];
        if (o.non2xx || o.errors) throw new Error(`${level}: ${o.non2xx} non-2xx, ${o.errors} errors`);
        const rounds = (runs: CannonResult[]) => runs.map((x) => Math.round(x.rps)).join(' / ');
        report.figure(`${level} / bare node:http`, (o.rps / r.rps) * 100, '%', { min: RATIO_MIN_PCT }, `${Math.round(o.rps)} vs ${Math.round(r.rps)} req/s; rounds ${rounds(ours)} vs ${rounds(ref)}`);
      } finally {
        floor.stop();
      }
    }
  } finally {
    bare.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  report.write();
}
