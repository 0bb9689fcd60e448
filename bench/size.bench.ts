// Portée at a real conservatory's size (issue 15): the large seed (npm run seed:large) behind the
// real server in its own process, measured over HTTP — the family's pulls, the desk's search and
// lists, a push of 500 mutations, the database's size — and the "nothing new" pull against a bare
// node:http server, both loaded by autocannon in a process of its own. Figures are written to
// bench/results/size.json.
//
//   npm run bench size                                     # seeds a temporary database (~1 min)
//   PORTEE_LARGE_DB=data/portee-large.db npm run bench size  # reuses (or first makes) that one
// The server always works on a copy: the push writes, the reused file stays as it was.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDENTITY_CHANGE } from '../shared/identity-schemas.ts';
import { startServer } from '../test/helpers/server-process.ts';
import { alternateRounds, roundsText } from './autocannon.ts';
import { startPortChild } from './port-child.ts';
import { Report } from './report.ts';

export const title = 'Size: 2,000 families — pulls, desk search and lists, push, database size, "nothing new" vs bare node:http';

const PASSWORD = 'Portee-demo-2026';
const BUDGET = {
  fullPullMs: 1000,
  nothingNewMs: 10,
  searchP95Ms: 50,
  deskListMs: 1000,
  push500Ms: 5000,
  dbMb: 500,
  nothingNewRatioPct: 25,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

async function timed(n: number, once: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  return times;
}

async function spawnNode(cmd: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, cmd, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${cmd.join(' ')} exited ${code}`);
}

/** The large database: PORTEE_LARGE_DB (made there if absent), else a fresh one in a temp dir. */
async function largeDatabase(dir: string): Promise<{ file: string; seedSeconds: number | null }> {
  const wanted = process.env.PORTEE_LARGE_DB;
  const file = wanted ?? join(dir, 'large.db');
  if (wanted && existsSync(wanted)) return { file, seedSeconds: null };
  const start = performance.now();
  await spawnNode(['--import', 'tsx', 'scripts/seed-large.ts'], { DATABASE_URL: `file:${file}` });
  return { file, seedSeconds: (performance.now() - start) / 1000 };
}

async function signIn(base: string, username: string, password: string) {
  const sites = (await (await fetch(`${base}/api/sites`)).json()) as Array<{ id: string; name: string }>;
  const res = await fetch(`${base}/api/session/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteId: sites.find((s) => s.name === 'Mantes')!.id, username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
  const body = (await res.json()) as { user: { familyId: string | null } };
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), familyId: body.user.familyId };
}

async function get(base: string, path: string, cookie: string) {
  const res = await fetch(base + path, { headers: { cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 200)}`);
  return text;
}

export async function run() {
  const report = new Report('size');
  const dir = mkdtempSync(join(tmpdir(), 'portee-size-'));
  try {
    const { file, seedSeconds } = await largeDatabase(dir);
    if (seedSeconds !== null) report.figure('seed:large, time taken', seedSeconds, 's', undefined, 'generated for this run');
    report.figure('database file size', statSync(file).size / 1024 / 1024, 'MB', { max: BUDGET.dbMb }, 'after the seed’s checkpoint and ANALYZE');
    const copy = join(dir, 'served.db');
    copyFileSync(file, copy);
    report.note('database', { families: 2000, students: 3500, coursesPerYear: 150, years: 10, invoices: 40_000, documents: 20_000 });

    const server = await startServer({ DATABASE_URL: `file:${copy}` });
    try {
      await measure(server.url, report);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    report.write();
  }
}

async function measure(base: string, report: Report) {
  const family = await signIn(base, 'famille.grande', PASSWORD);
  const desk = await signIn(base, 'secretariat.demo', 'Portee-admin-2026');

  // The family's pulls: the first one (a new phone) and one with nothing new.
  const full = await get(base, '/api/sync?cursor=0', family.cookie);
  const { cursor, changes } = JSON.parse(full) as { cursor: number; changes: Record<string, unknown[]> };
  const rows = Object.values(changes).reduce((n, r) => n + r.length, 0);
  report.note('fullPull', { rows, jsonKB: Math.round(full.length / 1024) });
  report.figure('full family pull (famille.grande)', median(await timed(10, () => get(base, '/api/sync?cursor=0', family.cookie))), 'ms', { max: BUDGET.fullPullMs }, `median of 10 over HTTP, ${rows} rows, ${Math.round(full.length / 1024)} KB JSON`);
  const nothingNewPath = `/api/sync?cursor=${cursor}`;
  report.figure('"nothing new" pull, one at a time', median(await timed(50, () => get(base, nothingNewPath, family.cookie))), 'ms', { max: BUDGET.nothingNewMs }, 'median of 50 over HTTP');

  // The desk: the family search (every word typed is searched), the change requests, the balances.
  for (const q of ['martin', 'dupont lea', 'famille.grande', 'mantes', 'zzz']) {
    const times = await timed(40, () => get(base, `/api/admin/families?q=${encodeURIComponent(q)}`, desk.cookie));
    report.figure(`family search "${q}" p95`, p95(times), 'ms', { max: BUDGET.searchP95Ms }, `40 searches, median ${median(times).toFixed(1)} ms`);
  }
  const requests = JSON.parse(await get(base, '/api/admin/requests', desk.cookie)) as { requests: unknown[] };
  report.figure('/admin/demandes answer (GET /api/admin/requests)', median(await timed(5, () => get(base, '/api/admin/requests', desk.cookie))), 'ms', { max: BUDGET.deskListMs }, `median of 5, ${requests.requests.length} pending`);
  const billing = await timed(1, () => get(base, '/api/admin/billing/families', desk.cookie));
  if (billing[0] < 5000) billing.push(...(await timed(2, () => get(base, '/api/admin/billing/families', desk.cookie))));
  report.figure('/admin/facturation answer (GET /api/admin/billing/families)', median(billing), 'ms', { max: BUDGET.deskListMs }, `median of ${billing.length}`);

  // A push of 500 queued mutations over HTTP, as the client sends them (5 requests of 100).
  const clientId = crypto.randomUUID();
  const start = performance.now();
  for (let i = 0; i < 500; i += 100) {
    const mutations = Array.from({ length: 100 }, (_, k) => ({
      mutationId: i + k + 1, name: IDENTITY_CHANGE, args: { targetKind: 'family', targetId: family.familyId, values: { city: `Mantes ${i + k}` }, from: {} }, baseVersion: 1,
    }));
    const res = await fetch(`${base}/api/sync/push`, { method: 'POST', headers: { cookie: family.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ clientId, mutations }) });
    if (res.status !== 200) throw new Error(`push ${res.status}`);
    await res.arrayBuffer();
  }
  report.figure('push of 500 mutations (5 × 100)', performance.now() - start, 'ms', { max: BUDGET.push500Ms }, 'over HTTP, real server process');

  await nothingNewVersusBare(base, family.cookie, report);
}

/**
 * Item 8: the "nothing new" pull against a bare node:http server answering the same body, each
 * loaded by autocannon from its own process; a warm-up of each, then two alternating rounds, the
 * best of each side.
 */
async function nothingNewVersusBare(base: string, cookie: string, report: Report) {
  const { cursor } = JSON.parse(await get(base, '/api/sync?cursor=0', cookie)) as { cursor: number };
  const url = `${base}/api/sync?cursor=${cursor}`;
  const body = await get(base, `/api/sync?cursor=${cursor}`, cookie);
  const bare = await startPortChild('bench/bare-server.ts', [body]);
  try {
    const headers = { cookie, 'x-portee-background': '1', 'accept-encoding': 'gzip, deflate, br, zstd' };
    const run = await alternateRounds({ url, headers }, { url: `http://127.0.0.1:${bare.port}/` });
    const [o, r] = [run.best.ours, run.best.ref];
    report.figure('"nothing new" pull under load', o.rps, 'req/s', undefined, `autocannon -c 16 -d 5, p50 ${o.p50} ms, p99 ${o.p99} ms; rounds ${roundsText(run.ours)}`);
    report.figure('bare node:http, same body', r.rps, 'req/s', undefined, `p50 ${r.p50} ms, p99 ${r.p99} ms; rounds ${roundsText(run.ref)}`);
    report.figure('"nothing new" / bare node:http', (o.rps / r.rps) * 100, '%', { min: BUDGET.nothingNewRatioPct }, 'same run, load generator in its own process');
  } finally {
    await bare.stop();
  }
}
