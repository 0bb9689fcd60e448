// Item 8's floor (issue 15): how near a bare node:http server a "nothing new" pull on the fixed
// stack can come, and the app's own pull in the same run. The same body from Hono with or without
// the app's response headers, with none, one or both of the app's per-request reads (the session
// and the change counter, by the app's own readers), with or without an AsyncLocalStorage entered
// as better-auth's is (bench/stack-floor-server.ts); then the real server (demo data, famille.demo,
// request logging off as in bench size). Each against bare node:http in the same run: autocannon in
// its own process, a warm-up of both, then two alternating rounds of 5 s, the best of each side.
// Only the levels that read the session carry item 8's budget: a pull that does not cannot see a
// sign-out.
//
//   npm run bench stack-floor
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PullResponse } from '../shared/sync-protocol.ts';
import { startServer } from '../test/helpers/server-process.ts';
import { alternateRounds, roundsText } from './autocannon.ts';
import { startPortChild, type PortChild } from './port-child.ts';
import { Report } from './report.ts';
import { signInCookie } from './sign-in.ts';

export const title = 'Item 8\'s floor: the fixed stack answering "nothing new" with only its headers and reads, and the app\'s pull, against bare node:http';

const LEVELS = [
  { name: 'Hono alone', headers: 'none', reads: 'none', als: false },
  { name: "the app's header middlewares", headers: 'app', reads: 'none', als: false },
  { name: 'the same headers from a list', headers: 'list', reads: 'none', als: false },
  { name: 'middlewares + counter read', headers: 'app', reads: 'counter', als: false },
  { name: 'middlewares + session, counter', headers: 'app', reads: 'session', als: false },
  { name: 'the same + AsyncLocalStorage', headers: 'app', reads: 'session', als: true },
  { name: 'list + session, counter', headers: 'list', reads: 'session', als: false },
  { name: 'list + session, counter + ALS', headers: 'list', reads: 'session', als: true },
] as const;
const RATIO_MIN_PCT = 25;
const COOKIE_NAME = 'portee.session_token';

export async function run() {
  const report = new Report('stack-floor');
  const body = JSON.stringify({ cursor: 2002, snapshot: false, changes: {}, deleted: {} } satisfies PullResponse);
  const dir = mkdtempSync(join(tmpdir(), 'portee-stack-floor-'));
  const token = randomBytes(24).toString('base64url');
  const secret = randomBytes(32).toString('hex');
  // better-auth's signed cookie: token.base64(HMAC-SHA256(secret, token)), as server/auth/session-reader.ts checks it.
  const cookie = `${COOKIE_NAME}=${encodeURIComponent(`${token}.${createHmac('sha256', secret).update(token).digest('base64')}`)}`;
  let bare: PortChild | undefined;
  try {
    bare = await startPortChild('bench/bare-server.ts', [body]);
    const bareUrl = `http://127.0.0.1:${bare.port}/`;
    const compare = async (name: string, url: string, headers: Record<string, string>, budgeted: boolean) => {
      const rounds = await alternateRounds({ url, headers }, { url: bareUrl });
      const { ours, ref } = rounds.best;
      const note = `${Math.round(ours.rps)} vs ${Math.round(ref.rps)} req/s; rounds ${roundsText(rounds.ours)} vs ${roundsText(rounds.ref)}`;
      report.figure(`${name} / bare`, (ours.rps / ref.rps) * 100, '%', budgeted ? { min: RATIO_MIN_PCT } : undefined, note);
    };
    for (const level of LEVELS) {
      const config = { ...level, body, dbFile: join(dir, 'floor.db'), token, secret, cookieName: COOKIE_NAME };
      const floor = await startPortChild('bench/stack-floor-server.ts', [JSON.stringify(config)]);
      try {
        await compare(level.name, `http://127.0.0.1:${floor.port}/`, { cookie }, level.reads === 'session');
        if (floor.exited() || bare.exited()) throw new Error(`${level.name}: a server stopped during the rounds`);
      } finally {
        await floor.stop();
      }
    }
    const server = await startServer();
    try {
      const family = await signInCookie(server.url, 'famille.demo', 'Portee-demo-2026');
      const first = await fetch(`${server.url}/api/sync?cursor=0`, { headers: { cookie: family } });
      if (!first.ok) throw new Error(`the first pull: ${first.status}`);
      const { cursor } = (await first.json()) as { cursor: number };
      const headers = { cookie: family, 'x-portee-background': '1', 'accept-encoding': 'gzip, deflate, br, zstd' };
      await compare("the app's pull", `${server.url}/api/sync?cursor=${cursor}`, headers, true);
    } finally {
      await server.stop();
    }
  } finally {
    await bare?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  // Only a complete run replaces the kept figures.
  report.write();
}
