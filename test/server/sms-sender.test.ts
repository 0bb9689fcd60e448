import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db, type OpenDatabase } from '../../server/db/client.ts';
import { jobLease, site, smsOutbox } from '../../server/db/schema/index.ts';
import { queueSms } from '../../server/sms/queue.ts';
import { createSmsSender, type SmsSender, type SmsSenderOptions } from '../../server/sms/sender.ts';
import { startGateway, type LocalGateway } from './sms-gateway.ts';

/**
 * The SMS sender against a real SMPP 3.4 gateway (smpp.createServer from the same package) on a
 * free loopback port. The sender's clock is a variable the tests move (back-off, quiet hours,
 * lease expiry); the SMPP timeouts run on the real clock.
 */
let file: string;
const opened: OpenDatabase[] = [];
let db: Db;
let siteId: string;
let clock: Date;
const senders: SmsSender[] = [];
const gateways: LocalGateway[] = [];
const logs: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> = [];

const open = async () => {
  const o = await openDatabase(`file:${file}`);
  opened.push(o);
  return o.db;
};
const gateway = async (opts: Parameters<typeof startGateway>[0] = {}) => {
  const g = await startGateway(opts);
  gateways.push(g);
  return g;
};
const sender = (opts: Partial<SmsSenderOptions> = {}) => {
  const s = createSmsSender({ db, sender: 'Portee', now: () => clock, log: (level, msg, fields) => void logs.push({ level, msg, fields }), timeoutMs: 1000, ...opts });
  senders.push(s);
  return s;
};
const queue = (n: number, to = '06 12 34 56 78', text = 'Cours de piano annulé demain') =>
  queueSms(db, { siteId, to, text: `${text} (${n})`, dedupeKey: `k${n}`, now: clock });
const row = async (n: number) => (await db.select().from(smsOutbox).where(eq(smsOutbox.dedupeKey, `k${n}`)))[0];
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
/** Waits until `check` holds on the database (receipts land asynchronously). */
async function eventually(check: () => Promise<boolean>, ms = 3000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
/** A port nothing listens on (a gateway that is down). */
async function downUrl() {
  const g = await startGateway();
  await g.close();
  return { url: g.url, port: g.port };
}

beforeEach(async () => {
  file = join(tmpdir(), `portee-sms-${crypto.randomUUID()}.db`);
  db = await open();
  [{ id: siteId }] = await db.insert(site).values({ name: 'Mantes' }).returning({ id: site.id });
  clock = new Date('2026-03-10T10:00:00Z'); // 11:00 in Paris, a Tuesday
  logs.length = 0;
});
afterEach(async () => {
  for (const s of senders.splice(0)) await s.stop();
  for (const g of gateways.splice(0)) await g.close();
  for (const o of opened.splice(0)) {
    o.client.close();
    o.reads?.close();
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
});

describe('SMS sender over SMPP', () => {
  test('without SMS_URL the messages are stored and logged, nothing is sent', async () => {
    await queue(1);
    assert.deepEqual(await sender().runOnce(), { sent: 0, failed: 0 });
    assert.equal((await row(1)).status, 'stored');
    assert.ok(logs.some((l) => l.msg === 'sms stored (no SMS_URL)' && l.fields?.to === '+33612345678'));
  });

  test('bind, submit_sm with the destination, text and sender; message_id stored; the receipt marks it delivered', async () => {
    const g = await gateway();
    await queue(1, '06 12 34 56 78', 'Mme Roussillon est absente : pas de leçon ce jeudi 17 h 30 — à bientôt');
    await queue(2, '+33 7 81 22 33 44');
    const s = sender({ smsUrl: g.url });
    assert.deepEqual(await s.runOnce(), { sent: 2, failed: 0 });
    assert.equal(g.binds, 1);
    const [first, second] = g.submits;
    assert.deepEqual(
      { source: first.sourceAddr, sourceTon: first.sourceTon, to: first.destination, destTon: first.destTon, dlr: first.registeredDelivery, dcs: first.dataCoding },
      { source: 'Portee', sourceTon: 5, to: '33612345678', destTon: 1, dlr: 1, dcs: 0 },
    );
    assert.equal(first.text, 'Mme Roussillon est absente : pas de lecon ce jeudi 17 h 30 - à bientot (1)');
    assert.equal(second.destination, '33781223344');
    const r1 = await row(1);
    assert.deepEqual([r1.status, r1.messageId, r1.attempts, r1.sentAt], ['sent', first.messageId, 1, clock.toISOString()]);

    assert.equal(await g.sendReceipt(first.messageId), 0, 'deliver_sm_resp with status 0');
    await eventually(async () => (await row(1)).status === 'delivered');
    assert.equal((await row(1)).deliveredAt, clock.toISOString());
    assert.equal((await row(2)).status, 'sent', 'the other one waits for its own receipt');
    // A receipt saying the message could not be delivered.
    await g.sendReceipt(second.messageId, 'UNDELIV');
    await eventually(async () => (await row(2)).status === 'failed');
    assert.match((await row(2)).error ?? '', /stat:UNDELIV/);
  });

  test('receipts that come with the submit_sm_resp, even just before it, mark the rows delivered', async () => {
    for (const when of ['after', 'before'] as const) {
      const g = await gateway({ autoReceipt: when });
      for (let i = 1; i <= 20; i++) await queue(i, '06 12 34 56 78', when);
      const s = sender({ smsUrl: g.url });
      assert.deepEqual(await s.runOnce(), { sent: 20, failed: 0 });
      await eventually(async () => (await db.select().from(smsOutbox)).every((r) => r.status === 'delivered'));
      await s.stop();
      await db.delete(smsOutbox);
    }
  });

  test('a numeric sender goes as an international number (TON 1)', async () => {
    const g = await gateway();
    await queue(1);
    await sender({ smsUrl: g.url, sender: '+33130000000' }).runOnce();
    assert.deepEqual([g.submits[0].sourceAddr, g.submits[0].sourceTon], ['33130000000', 1]);
  });

  test('gateway down: the message stays queued with back-off, then goes when the gateway comes up', async () => {
    const down = await downUrl();
    await queue(1);
    const s = sender({ smsUrl: down.url });
    assert.deepEqual(await s.runOnce(), { sent: 0, failed: 1 });
    let r = await row(1);
    assert.deepEqual([r.status, r.attempts, r.nextAttemptAt], ['queued', 1, new Date(clock.getTime() + 30_000).toISOString()]);
    assert.ok(logs.some((l) => l.msg.startsWith('sms gateway unreachable')));
    // Not due yet: nothing tried, even the connection.
    later(10_000);
    assert.deepEqual(await s.runOnce(), { sent: 0, failed: 0 });
    later(20_000);
    assert.deepEqual(await s.runOnce(), { sent: 0, failed: 1 });
    r = await row(1);
    assert.deepEqual([r.status, r.attempts, r.nextAttemptAt], ['queued', 2, new Date(clock.getTime() + 60_000).toISOString()]);
    assert.equal(logs.filter((l) => l.msg.startsWith('sms gateway unreachable')).length, 1, 'logged once per outage');

    const g = await gateway({ port: down.port });
    later(60_000);
    assert.deepEqual(await s.runOnce(), { sent: 1, failed: 0 });
    assert.equal(g.submits.length, 1);
    r = await row(1);
    assert.deepEqual([r.status, r.attempts], ['sent', 3]);
    await g.sendReceipt(g.submits[0].messageId);
    await eventually(async () => (await row(1)).status === 'delivered');
  });

  test('back-off doubles up to 15 minutes, then the row fails after the last try', async () => {
    const down = await downUrl();
    await queue(1);
    const s = sender({ smsUrl: down.url, maxAttempts: 8 });
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      await s.runOnce();
      const r = await row(1);
      if (r.status !== 'queued') break;
      waits.push((Date.parse(r.nextAttemptAt) - clock.getTime()) / 1000);
      clock = new Date(r.nextAttemptAt);
    }
    assert.deepEqual(waits, [30, 60, 120, 240, 480, 900, 900]);
    const r = await row(1);
    assert.deepEqual([r.status, r.attempts], ['failed', 8]);
    assert.match(r.error ?? '', /cannot bind/);
  });

  test('a gateway refusing the bind (wrong password) is a gateway down', async () => {
    const g = await gateway({ password: 'other' });
    await queue(1);
    assert.deepEqual(await sender({ smsUrl: g.url.replace(':other@', ':secret@') }).runOnce(), { sent: 0, failed: 1 });
    const r = await row(1);
    assert.deepEqual([r.status, r.attempts], ['queued', 1]);
    assert.match(r.error ?? '', /bind refused/);
  });

  test('a refused submit_sm: a bad number fails at once, a throttled one waits', async () => {
    const bad = await gateway({ refuse: 0x0b });
    await queue(1);
    const first = sender({ smsUrl: bad.url });
    await first.runOnce();
    assert.deepEqual([(await row(1)).status, (await row(1)).error], ['failed', 'refused by the gateway (command_status 0x0000000b)']);
    await first.stop(); // gives the lease up for the next one
    const busy = await gateway({ refuse: 0x58 });
    await queue(2);
    await sender({ smsUrl: busy.url }).runOnce();
    const r = await row(2);
    assert.deepEqual([r.status, r.attempts, r.nextAttemptAt], ['queued', 1, new Date(clock.getTime() + 30_000).toISOString()]);
  });

  test('gateway restarted mid-run: the sender binds again and goes on', async () => {
    let g = await gateway();
    const s = sender({ smsUrl: g.url });
    await queue(1);
    assert.deepEqual(await s.runOnce(), { sent: 1, failed: 0 });
    const port = g.port;
    await g.close();
    await eventually(async () => logs.some((l) => l.msg === 'sms gateway connection lost'));
    g = await gateway({ port });
    await queue(2);
    assert.deepEqual(await s.runOnce(), { sent: 1, failed: 0 });
    assert.equal(g.binds, 1);
    assert.deepEqual(
      g.submits.map((x) => x.text),
      ['Cours de piano annulé demain (2)'],
    );
    // Receipts of messages sent before the restart arrive on the new session.
    const before = (await row(1)).messageId!;
    await g.sendReceipt(before);
    await eventually(async () => (await row(1)).status === 'delivered');
  });

  test('a row left "sending" by a process that died is marked unconfirmed and never resent', async () => {
    const g = await gateway();
    await queue(1);
    await queue(2);
    await db.update(smsOutbox).set({ status: 'sending', attempts: 1 }).where(eq(smsOutbox.dedupeKey, 'k1'));
    const s = sender({ smsUrl: g.url });
    assert.deepEqual(await s.runOnce(), { sent: 1, failed: 0 });
    later(3600_000);
    await s.runOnce();
    assert.equal((await row(1)).status, 'unconfirmed');
    assert.equal((await row(2)).status, 'sent');
    assert.deepEqual(
      g.submits.map((x) => x.text),
      ['Cours de piano annulé demain (2)'],
      'only the other message was submitted',
    );
  });

  test('a submit_sm never answered: unconfirmed, not resent after reconnecting', async () => {
    const silent = await gateway({ silent: true });
    await queue(1);
    const s = sender({ smsUrl: silent.url, timeoutMs: 300 });
    assert.deepEqual(await s.runOnce(), { sent: 0, failed: 1 });
    const r = await row(1);
    assert.equal(r.status, 'unconfirmed');
    assert.match(r.error ?? '', /no answer from the gateway/);
    later(3600_000);
    await s.runOnce();
    assert.equal((await row(1)).status, 'unconfirmed');
  });

  test('quiet hours: a due message waits until 08:00 Paris', async () => {
    const g = await gateway();
    await queue(1); // due at 11:00 Paris
    clock = new Date('2026-03-10T21:30:00Z'); // 22:30 in Paris
    const s = sender({ smsUrl: g.url });
    assert.deepEqual(await s.runOnce(), { sent: 0, failed: 0 });
    clock = new Date('2026-03-11T06:59:00Z'); // 07:59
    assert.deepEqual(await s.runOnce(), { sent: 0, failed: 0 });
    clock = new Date('2026-03-11T07:00:00Z'); // 08:00
    assert.deepEqual(await s.runOnce(), { sent: 1, failed: 0 });
    assert.equal(g.submits.length, 1);
  });

  test('two senders on one database (two processes): each message is submitted once', async () => {
    const g = await gateway();
    const a = sender({ smsUrl: g.url, holder: 'server-a' });
    const b = sender({ smsUrl: g.url, holder: 'server-b', db: await open() });
    let n = 0;
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 12; i++) await queue(++n);
      const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
      assert.equal(ra.sent + rb.sent, 12, `round ${round}: ${JSON.stringify([ra, rb])}`);
      assert.ok(ra.sent === 0 || rb.sent === 0, 'one sender per round');
    }
    assert.equal(g.submits.length, 60);
    assert.equal(new Set(g.submits.map((x) => x.text)).size, 60, 'no message submitted twice');
    const [lease] = await db.select().from(jobLease);
    // The holder stops: it gives the lease up and the other one sends at once.
    await (lease.holder === 'server-a' ? a : b).stop();
    await queue(++n);
    const other = lease.holder === 'server-a' ? b : a;
    assert.deepEqual(await other.runOnce(), { sent: 1, failed: 0 });
    // A holder that died (its lease expired) is replaced once the lease runs out.
    const third = sender({ smsUrl: g.url, holder: 'server-c' });
    await queue(++n);
    assert.deepEqual(await third.runOnce(), { sent: 0, failed: 0 });
    later(61_000);
    assert.deepEqual(await third.runOnce(), { sent: 1, failed: 0 });
    assert.equal(new Set(g.submits.map((x) => x.text)).size, g.submits.length);
  });

  test('start() sends on its own and stop() unbinds and gives the lease up', async () => {
    const g = await gateway();
    await queue(1);
    const s = sender({ smsUrl: g.url });
    s.start(50);
    await g.waitForSubmits(1);
    await eventually(async () => (await row(1)).status === 'sent');
    await s.stop();
    assert.equal((await db.select().from(jobLease)).length, 0);
  });
});
