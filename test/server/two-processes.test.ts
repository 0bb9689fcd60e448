import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { and, count, eq, inArray, like, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { IDENTITY_CHANGE } from '../../shared/identity-schemas.ts';
import { openDatabase, type Db, type OpenDatabase } from '../../server/db/client.ts';
import { seedDemo } from '../../server/db/seed/demo.ts';
import { auditLog, changeRequest, document, documentKind, family, invoice, jobLease, mailOutbox, payfipAttempt, payment, site, smsOutbox, syncClient, user } from '../../server/db/schema/index.ts';
import { RECONCILE_LEASE } from '../../server/payfip/reconcile.ts';
import { createPayfipSimulator } from '../../server/payfip-simulator/simulator.ts';
import { isQuietHour } from '../../server/sms/quiet-hours.ts';
import { queueSms } from '../../server/sms/queue.ts';
import { freePort } from '../helpers/payfip-server.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from '../helpers/round-robin-proxy.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';
import { DEMO } from '../helpers/test-app.ts';
import { startGateway, type LocalGateway } from './sms-gateway.ts';

/*
 * Issue 17, item 2: two real server processes on one database file and one upload folder, behind a
 * round-robin proxy without sticky sessions. Everything a request needs from an earlier one
 * (session, throttling counts, a client's last mutation id, documents, PayFiP attempts) must come
 * from the database; background jobs (PayFiP reconciliation, SMS sender) must run in one process
 * at a time (job_lease). PayFiP is a simulator of its own here, as the real one would be: one
 * service both processes talk to.
 */

let proxy: RoundRobinProxy;
let a: RunningServer;
let b: RunningServer;
let sim: { url: string; server: ServerType };
let gateway: LocalGateway;
let data: OpenDatabase;
let db: Db;
let uploadDir: string;
const dbFile = join(tmpdir(), `portee-two-${crypto.randomUUID()}.db`);

before(async () => {
  uploadDir = mkdtempSync(join(tmpdir(), 'portee-two-uploads-'));
  proxy = await startRoundRobinProxy();
  const simPort = await freePort();
  const simApp = new Hono().route('/payfip-simulateur', createPayfipSimulator({ publicUrl: proxy.url, guardControls: async (_c, next) => next() }));
  sim = { url: `http://127.0.0.1:${simPort}/payfip-simulateur`, server: serve({ fetch: simApp.fetch, port: simPort, hostname: '127.0.0.1' }) };
  gateway = await startGateway();
  const env = {
    DATABASE_URL: `file:${dbFile}`,
    UPLOAD_DIR: uploadDir,
    PUBLIC_URL: proxy.url,
    TRUST_PROXY_HOPS: '1',
    PAYFIP_SIMULATOR: '0',
    PAYFIP_URL: `${sim.url}/services/securite`,
    PAYFIP_PAYMENT_URL: `${sim.url}/paiementws.web`,
    PAYFIP_RECONCILE_SECONDS: '5',
    SMS_URL: gateway.url,
  };
  // The demo data is loaded here (a server loads it only into an empty database, and two loading
  // it at once would both find it empty); then both start together.
  data = await openDatabase(`file:${dbFile}`);
  db = data.db;
  await seedDemo(db);
  [a, b] = await Promise.all([startServer(env), startServer(env)]);
  proxy.targets = [a.url, b.url];
});

after(async () => {
  if (process.env.SHOW_SERVER_OUTPUT) console.log(a?.output(), '\n=====\n', b?.output()); // what each process logged
  await Promise.all([a?.stop(), b?.stop()]);
  await proxy?.close();
  sim?.server.close();
  await gateway?.close();
  data?.client.close();
  data?.reads?.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  rmSync(uploadDir, { recursive: true, force: true });
});

/** A browser: one cookie jar, requests through the proxy, or straight to one process with `via`. */
class Browser {
  private cookies = new Map<string, string>();

  copy() {
    const other = new Browser();
    other.cookies = new Map(this.cookies);
    return other;
  }

  async request(path: string, init: { method?: string; json?: unknown; body?: FormData | string; headers?: Record<string, string>; via?: string } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${init.via ?? proxy.url}${path}`, {
      method: init.method ?? (init.json === undefined && init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.json === undefined ? init.body : JSON.stringify(init.json),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const pair = cookie.split(';')[0];
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async json<T = any>(path: string, init?: Parameters<Browser['request']>[1]): Promise<{ status: number; body: T }> {
    const res = await this.request(path, init);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async signIn([username, password]: readonly [string, string], via?: string) {
    const sites = (await this.json<Array<{ id: string; name: string }>>('/api/sites')).body;
    return this.json('/api/session/sign-in', { json: { siteId: sites.find((s) => s.name === 'Mantes')!.id, username, password }, via });
  }
}

async function signedIn(account: readonly [string, string]) {
  const browser = new Browser();
  assert.equal((await browser.signIn(account)).status, 200);
  return browser;
}

/** Waits until `check()` answers true (every 200 ms), or fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
const familyIdOf = async (username: string) => (await db.select({ id: user.familyId }).from(user).where(eq(user.username, username)))[0].id!;

test('a session made by one process is honoured by the other, and signing out ends it on both', async () => {
  const browser = new Browser();
  assert.equal((await browser.signIn(DEMO.family, a.url)).status, 200);
  assert.equal((await browser.json('/api/sync?cursor=0', { via: b.url })).status, 200);
  assert.equal((await browser.json('/api/sync?cursor=0', { via: a.url })).status, 200);
  for (let i = 0; i < 4; i++) assert.equal((await browser.json('/api/sync?cursor=0')).status, 200, 'through the proxy, either process');
  assert.ok([...proxy.served.values()].every((n) => n > 0) && proxy.served.size === 2, 'both processes served');
  const copy = browser.copy(); // the cookie as it was before signing out
  assert.ok((await browser.request('/api/session/sign-out', { method: 'POST', via: b.url })).ok);
  for (const via of [a.url, b.url]) assert.equal((await copy.json('/api/sync?cursor=0', { via })).status, 401, 'the old cookie is refused by both');
});

test('failed sign-ins are counted across both processes: the sixth is refused by either', async () => {
  const browser = new Browser();
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await browser.signIn(['personne.inconnue', 'mauvais-mot-de-passe'], i % 2 ? b.url : a.url)).status);
  assert.deepEqual(statuses, [401, 401, 401, 401, 401]);
  for (const via of [a.url, b.url]) {
    const locked = await browser.signIn(['personne.inconnue', 'mauvais-mot-de-passe'], via);
    assert.equal(locked.status, 429, `locked on ${via}`);
  }
});

test('the same push sent to each process at once is applied once; the secretariat approves it on one, the family pulls it from the other', async () => {
  const fam = await signedIn(DEMO.family);
  const familyId = await familyIdOf('famille.demo');
  const [before] = await db.select().from(family).where(eq(family.id, familyId));
  const mailsBefore = (await db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.to, before.email)))[0].n;
  const clientId = crypto.randomUUID();
  const body = { clientId, mutations: [{ mutationId: 1, name: IDENTITY_CHANGE, args: { targetKind: 'family', targetId: familyId, values: { city: 'Rosny-sur-Seine' }, from: { city: before.city } }, baseVersion: before.version }] };
  const answers = await Promise.all([a.url, b.url, a.url, b.url].map((via) => fam.json('/api/sync/push', { json: body, via })));
  for (const answer of answers) assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const requests = await db.select().from(changeRequest).where(and(eq(changeRequest.targetId, familyId), eq(changeRequest.status, 'pending')));
  assert.equal(requests.length, 1, 'one change request');
  assert.equal((await db.select().from(syncClient).where(eq(syncClient.clientId, clientId)))[0].lastMutationId, 1);
  const mailsAfter = (await db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.to, before.email)))[0].n;
  assert.equal(mailsAfter - mailsBefore, 1, 'one acknowledgement e-mail');

  const desk = await signedIn(DEMO.secretariat);
  const pending = (await desk.json('/api/admin/requests', { via: a.url })).body.requests as Array<{ id: string; targetId: string }>;
  const request = pending.find((r) => r.targetId === familyId)!;
  const [approved, again] = await Promise.all([desk.json(`/api/admin/requests/${request.id}/approve`, { json: {}, via: a.url }), desk.json(`/api/admin/requests/${request.id}/approve`, { json: {}, via: b.url })]);
  assert.deepEqual([approved.status, again.status].sort(), [200, 409], 'decided once, by one process');
  assert.equal((await db.select().from(auditLog).where(and(eq(auditLog.targetId, familyId), eq(auditLog.action, 'change_request.approved')))).length, 1);
  const pulled = await fam.json('/api/sync?cursor=0', { via: b.url });
  assert.equal(pulled.body.changes.families.find((f: { id: string }) => f.id === familyId).city, 'Rosny-sur-Seine');
});

test('an upload sent to both processes with one idempotency key is stored once, and either serves it', async () => {
  const fam = await signedIn(DEMO.family);
  const [mantes] = await db.select().from(site).where(eq(site.name, 'Mantes'));
  const [kind] = await db.select().from(documentKind).where(and(eq(documentKind.siteId, mantes.id), eq(documentKind.label, 'Justificatif de domicile')));
  const bytes = new TextEncoder().encode('%PDF-1.4\n% deux processus\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
  const key = `${crypto.randomUUID()}:1:${createHash('sha256').update(bytes).digest('hex')}`;
  const form = () => {
    const f = new FormData();
    f.set('kindId', kind.id);
    f.set('idempotencyKey', key);
    f.set('file', new Blob([bytes], { type: 'application/pdf' }), 'domicile.pdf');
    return f;
  };
  const answers = await Promise.all([a.url, b.url].map((via) => fam.json('/api/documents', { body: form(), via })));
  for (const answer of answers) assert.ok([200, 201].includes(answer.status), JSON.stringify(answer.body));
  assert.equal(answers[0].body.document.id, answers[1].body.document.id);
  assert.equal((await db.select().from(document).where(eq(document.id, answers[0].body.document.id))).length, 1);
  for (const via of [a.url, b.url]) {
    const file = await fam.request(`/api/documents/${answers[0].body.document.id}/file`, { via });
    assert.equal(file.status, 200);
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), bytes);
  }
});

/** What the family's browser does on the simulator's page: pays (notification as set on the simulator). */
async function pay(paymentUrl: string) {
  const idop = new URL(paymentUrl).searchParams.get('idop')!;
  const done = await fetch(`${sim.url}/paiement`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ idop, action: 'valider' }).toString() });
  assert.equal(done.status, 303);
  return idop;
}
const simControl = (body: object) => fetch(`${sim.url}/controle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const soapCallsFor = async (idop: string) => ((await (await fetch(`${sim.url}/journal`)).json()) as Array<{ operation: string; request: string }>).filter((e) => e.operation === 'recupererDetailPaiementSecurise' && e.request.includes(idop)).length;

test('a PayFiP payment notified to both processes, and returned to, is recorded once', async () => {
  const fam = await signedIn(DEMO.family);
  const [inv] = await db.select().from(invoice).where(like(invoice.number, 'FACT%0877'));
  const started = await fam.json(`/api/billing/invoices/${inv.id}/payfip`, { json: { amountCents: 18400 } });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const idop = await pay(started.body.paymentUrl);
  const notify = (via: string) => fetch(`${via}/api/billing/payfip/notification`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `idop=${idop}` });
  const [n1, n2, r1, r2] = await Promise.all([notify(a.url), notify(b.url), fam.json('/api/billing/payfip/return', { json: { idop }, via: a.url }), fam.json('/api/billing/payfip/return', { json: { idop }, via: b.url })]);
  assert.deepEqual([n1.status, n2.status, r1.status, r2.status], [200, 200, 200, 200]);
  assert.deepEqual([r1.body.status, r2.body.status], ['paid', 'paid']);
  assert.equal((await db.select().from(payment).where(eq(payment.invoiceId, inv.id))).length, 1, 'one payment');
  const [attempt] = await db.select().from(payfipAttempt).where(eq(payfipAttempt.idOp, idop));
  assert.equal((await db.select().from(auditLog).where(and(eq(auditLog.targetId, attempt.id), eq(auditLog.action, 'payfip.paid')))).length, 1, 'one audit row');
});

test('background jobs run in one process at a time: lost PayFiP notifications reconciled once each, queued SMS submitted once each', async () => {
  const desk = await signedIn(DEMO.secretariat);
  const fam = await signedIn(DEMO.family);
  const familyId = await familyIdOf('famille.demo');
  await simControl({ notification: 'drop' });
  const idops: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const label = `Stage deux processus ${i}`;
    const created = await desk.json('/api/admin/billing/invoices', { json: { familyId, schoolYear: '2026/2027', label, date: '2026-11-28', dueDate: '2026-12-28', lines: [{ label, quantity: 1, unitPrice: `${10 + i}.00` }] } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const started = await fam.json(`/api/billing/invoices/${created.body.id}/payfip`, { json: { amountCents: (10 + i) * 100 } });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    idops.push(await pay(started.body.paymentUrl));
  }
  await simControl({ notification: 'normal' });
  // The family never came back and the notifications were lost: pending, their pages expired.
  await db.update(payfipAttempt).set({ expiresAt: new Date(Date.now() - 60_000).toISOString() }).where(inArray(payfipAttempt.idOp, idops));

  const [mantes] = await db.select().from(site).where(eq(site.name, 'Mantes'));
  const texts = Array.from({ length: 12 }, (_, i) => `Portée, deux processus : message ${i + 1}`);
  for (const [i, text] of texts.entries()) await queueSms(db, { siteId: mantes.id, familyId, to: `06 12 34 56 ${String(i).padStart(2, '0')}`, text, dedupeKey: `two-processes-${i}` });
  const quiet = isQuietHour(new Date());

  // Both processes run both jobs every 5 seconds.
  await eventually(async () => (await db.select().from(payfipAttempt).where(and(inArray(payfipAttempt.idOp, idops), eq(payfipAttempt.status, 'paid')))).length === idops.length, 25_000);
  for (const idop of idops) {
    const [attempt] = await db.select().from(payfipAttempt).where(eq(payfipAttempt.idOp, idop));
    assert.equal((await db.select().from(payment).where(eq(payment.invoiceId, attempt.invoiceId))).length, 1, 'one payment');
    assert.equal((await db.select().from(auditLog).where(and(eq(auditLog.targetId, attempt.id), eq(auditLog.action, 'payfip.paid')))).length, 1, 'one audit row');
    assert.equal(await soapCallsFor(idop), 1, `PayFiP asked once about ${idop}, by the lease holder`);
  }
  assert.equal((await db.select().from(jobLease).where(eq(jobLease.name, RECONCILE_LEASE))).length, 1);

  const ours = like(smsOutbox.dedupeKey, 'two-processes-%');
  if (quiet) {
    // 21:00–08:00 Paris: neither process may send; the rows wait for the morning.
    await new Promise((r) => setTimeout(r, 6_000));
    assert.equal(gateway.submits.length, 0);
    assert.equal((await db.select({ n: count() }).from(smsOutbox).where(and(ours, eq(smsOutbox.status, 'queued'))))[0].n, texts.length);
  } else {
    await gateway.waitForSubmits(texts.length, 20_000);
    await new Promise((r) => setTimeout(r, 6_000)); // a further round of each process: nothing again
    assert.deepEqual(gateway.submits.map((s) => s.text).sort(), [...texts].sort(), 'each SMS submitted once');
    const states = await db.select({ status: smsOutbox.status, n: count() }).from(smsOutbox).where(ours).groupBy(smsOutbox.status);
    assert.deepEqual(states, [{ status: 'sent', n: texts.length }]);
    assert.equal((await db.select({ n: sql<number>`count(*)` }).from(jobLease).where(eq(jobLease.name, 'sms-sender')))[0].n, 1);
  }
});

test('stopped servers give their job leases up, so another process need not wait for them to expire', async () => {
  assert.ok((await db.select().from(jobLease)).length > 0, 'leases held while they run');
  await Promise.all([a.stop(), b.stop()]);
  assert.deepEqual(await db.select().from(jobLease), []);
});
