// Item 8's floor (issue 15): how near a bare node:http server a "nothing new" pull on the fixed
// stack can come, whatever the app does. The same body from Hono with or without the app's
// response headers, and with 0, 1 or 2 reads of the change counter by the app's own reader
// (bench/stack-floor-server.ts), each against bare node:http in the same run: autocannon in its own
// process, two alternating rounds of 5 s, the best of each side, as bench/size.bench.ts measures
// the app's own pull. Only the levels that read the database carry item 8's budget: a pull that
// reads nothing cannot see a sign-out or a write made by another process.
//
//   npm run bench stack-floor
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PullResponse } from '../shared/sync-protocol.ts';
import { alternateRounds, roundsText } from './autocannon.ts';
import { startPortChild, type PortChild } from './port-child.ts';
import { Report } from './report.ts';

export const title = 'Item 8\'s floor: the fixed stack answering "nothing new" with only its headers and 0–2 reads, against bare node:http';

const LEVELS = [
  { name: 'Hono alone', headers: 'none', reads: 0 },
  { name: "the app's header middlewares", headers: 'app', reads: 0 },
  { name: 'the same headers from a list', headers: 'list', reads: 0 },
  { name: 'header middlewares + 1 read', headers: 'app', reads: 1 },
  { name: 'headers from a list + 1 read', headers: 'list', reads: 1 },
  { name: 'header middlewares + 2 reads', headers: 'app', reads: 2 },
] as const;
const RATIO_MIN_PCT = 25;

export async function run() {
  const report = new Report('stack-floor');
  const body = JSON.stringify({ cursor: 2002, snapshot: false, changes: {}, deleted: {} } satisfies PullResponse);
  const dir = mkdtempSync(join(tmpdir(), 'portee-stack-floor-'));
  let bare: PortChild | undefined;
  try {
    bare = await startPortChild('bench/bare-server.ts', [body]);
    for (const level of LEVELS) {
      const floor = await startPortChild('bench/stack-floor-server.ts', [level.headers, String(level.reads), body, join(dir, 'floor.db')]);
      try {
        const rounds = await alternateRounds({ url: `http://127.0.0.1:${floor.port}/` }, { url: `http://127.0.0.1:${bare.port}/` });
        if (floor.exited() || bare.exited()) throw new Error(`${level.name}: a server stopped during the rounds`);
        const { ours, ref } = rounds.best;
        const note = `${Math.round(ours.rps)} vs ${Math.round(ref.rps)} req/s; rounds ${roundsText(rounds.ours)} vs ${roundsText(rounds.ref)}`;
        report.figure(`${level.name} / bare`, (ours.rps / ref.rps) * 100, '%', level.reads > 0 ? { min: RATIO_MIN_PCT } : undefined, note);
      } finally {
        await floor.stop();
      }
    }
  } finally {
    await bare?.stop();
    rmSync(dir, { recursive: true, force: true });
    // The levels measured before a failure are kept.
    report.write();
  }
}
