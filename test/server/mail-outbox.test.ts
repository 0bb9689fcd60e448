import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { openDatabase, type OpenDatabase } from '../../server/db/client.ts';
import { jobLease, mailOutbox, site } from '../../server/db/schema/index.ts';
import { writeTransaction } from '../../server/db/write-transaction.ts';
import { createMailer, type MailMessage } from '../../server/mail/mailer.ts';
import { createMailSender } from '../../server/mail/sender.ts';
import { startSmtp, type LocalSmtp, type ReceivedMail } from '../helpers/smtp.ts';

/**
 * The mail outbox (server/mail/mailer.ts, docs/mail.md) against a real SMTP server: a mail is
 * committed with the change it tells of, survives the process dying before it is sent, waits
 * out SMTP failures, and goes out once even with two processes sending.
 */
const FROM = 'Portée <ne-pas-repondre@conservatoire-portee.example>';
const quiet = () => undefined;
const messageIdOf = (m: ReceivedMail) => /^message-id:\s*(<[^>]+>)/im.exec(m.raw)?.[1];
const letter = (n: number): MailMessage => ({ to: `famille${n}@exemple.fr`, subject: `Portée — message ${n}`, text: `Bonjour ${n}` });

let file: string;
let a: OpenDatabase;
let b: OpenDatabase;
let smtp: LocalSmtp;
/** The site every mail here is written for. */
let siteId: string;
/** Recipients the SMTP server answers with an error, and the error. */
let refusals = new Map<string, { code: number; message: string }>();

before(async () => {
  file = join(tmpdir(), `portee-mail-${crypto.randomUUID()}.db`);
  a = await openDatabase(`file:${file}`);
  // A second connection to the same file: another server process.
  b = await openDatabase(`file:${file}`);
  smtp = await startSmtp({ refuse: (to) => refusals.get(to) ?? null });
  [{ id: siteId }] = await a.db.insert(site).values({ name: 'Mantes' }).returning({ id: site.id });
});

after(async () => {
  await smtp.close();
  for (const d of [a, b]) {
    d.client.close();
    d.reads?.close();
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
});

beforeEach(async () => {
  smtp.received.length = 0;
  refusals = new Map();
  await a.db.delete(mailOutbox);
  await a.db.delete(jobLease);
});

const rowsOf = (ids: string[]) => a.db.select().from(mailOutbox).where(inArray(mailOutbox.id, ids));

describe('the mail outbox', () => {
  test('a mail queued in a transaction that rolls back is never written nor sent', async () => {
    const mailer = createMailer(a.db, { smtpUrl: smtp.url, from: FROM, log: quiet });
    await assert.rejects(
      writeTransaction(a.db, async (tx) => {
        await mailer.queue(tx, letter(1), siteId);
        throw new Error('the change failed');
      }),
    );
    assert.equal((await a.db.select().from(mailOutbox)).length, 0);
    await createMailSender({ db: a.db, mailer, log: quiet }).runOnce();
    assert.equal(smtp.received.length, 0);
  });

  test('the process dies between the commit and the send: the next sender sends it once, with its Message-ID', async () => {
    const dying = createMailer(a.db, { smtpUrl: smtp.url, from: FROM, log: quiet });
    const id = await writeTransaction(a.db, (tx) => dying.queue(tx, letter(2), siteId));
    // No deliver(): the process is gone. Another process's sender job takes the mail.
    const mailer = createMailer(b.db, { smtpUrl: smtp.url, from: FROM, log: quiet });
    const round = await createMailSender({ db: b.db, mailer, log: quiet, holder: 'b' }).runOnce();
    assert.deepEqual(round, { sent: 1, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    assert.deepEqual(mail.to, ['famille2@exemple.fr']);
    assert.equal(messageIdOf(mail), `<${id}@conservatoire-portee.example>`);
    const [row] = await rowsOf([id]);
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 1);
    // Nothing left to send: a second round sends nothing more.
    assert.deepEqual(await createMailSender({ db: b.db, mailer, log: quiet, holder: 'b' }).runOnce(), { sent: 0, failed: 0 });
    assert.equal(smtp.received.length, 1);
  });

  test('SMTP answers "try later" (451): the mail waits its back-off, then goes out; 550 fails at once and is not tried again', async () => {
    let now = new Date('2026-12-02T10:00:00Z');
    const mailer = createMailer(a.db, { smtpUrl: smtp.url, from: FROM, log: quiet, now: () => now });
    const sender = createMailSender({ db: a.db, mailer, log: quiet, now: () => now });
    refusals.set('famille3@exemple.fr', { code: 451, message: 'Mailbox busy, try later' });
    refusals.set('famille4@exemple.fr', { code: 550, message: 'No such user' });
    const ids = await writeTransaction(a.db, async (tx) => [await mailer.queue(tx, letter(3), siteId), await mailer.queue(tx, letter(4), siteId)]);
    await mailer.deliver(ids);

    const [later, refused] = await rowsOf(ids).then((rows) => ids.map((id) => rows.find((r) => r.id === id)!));
    assert.equal(later.status, 'queued');
    assert.equal(later.attempts, 1);
    assert.match(later.error ?? '', /try later/);
    assert.equal(later.nextAttemptAt, '2026-12-02T10:00:30.000Z', 'first retry after 30 s');
    assert.equal(refused.status, 'failed');
    assert.match(refused.error ?? '', /No such user/);

    // Before its time, a round leaves it alone.
    now = new Date('2026-12-02T10:00:10Z');
    assert.deepEqual(await sender.runOnce(), { sent: 0, failed: 0 });
    // The mailbox answers again; once due, the round sends it, once.
    refusals.delete('famille3@exemple.fr');
    now = new Date('2026-12-02T10:00:31Z');
    assert.deepEqual(await sender.runOnce(), { sent: 1, failed: 0 });
    assert.deepEqual(smtp.received.map((m) => m.to[0]), ['famille3@exemple.fr']);
    const [sent] = await rowsOf([ids[0]]);
    assert.equal(sent.status, 'sent');
    assert.equal(sent.attempts, 2);
    assert.equal((await rowsOf([ids[1]]))[0].status, 'failed', 'the refused one stays failed (the desk may send it again)');
  });

  test('the last try of a mail that keeps failing marks it failed', async () => {
    let now = new Date('2026-12-02T10:00:00Z');
    const mailer = createMailer(a.db, { smtpUrl: smtp.url, from: FROM, log: quiet, now: () => now, maxAttempts: 3 });
    const sender = createMailSender({ db: a.db, mailer, log: quiet, now: () => now });
    refusals.set('famille5@exemple.fr', { code: 421, message: 'Service not available' });
    const id = await writeTransaction(a.db, (tx) => mailer.queue(tx, letter(5), siteId));
    await mailer.deliver([id]);
    for (let round = 0; round < 4; round++) {
      now = new Date(now.getTime() + 20 * 60_000);
      await sender.runOnce();
    }
    const [row] = await rowsOf([id]);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 3);
    assert.equal(smtp.received.length, 0);
  });

  test('a mail left "sending" by a process that died mid-send goes out again after the stale delay, with the same Message-ID', async () => {
    let now = new Date('2026-12-02T10:00:00Z');
    const mailer = createMailer(a.db, { smtpUrl: smtp.url, from: FROM, log: quiet, now: () => now, staleMs: 5 * 60_000 });
    const id = await writeTransaction(a.db, (tx) => mailer.queue(tx, letter(6), siteId));
    // The dead process had claimed it (one try) and then vanished during the SMTP exchange.
    await a.db.update(mailOutbox).set({ status: 'sending', claimedAt: now.toISOString(), attempts: 1 }).where(eq(mailOutbox.id, id));

    const sender = createMailSender({ db: a.db, mailer, log: quiet, now: () => now });
    now = new Date('2026-12-02T10:02:00Z');
    assert.deepEqual(await sender.runOnce(), { sent: 0, failed: 0 }, 'a claim younger than the delay may still be live: left alone');
    now = new Date('2026-12-02T10:06:00Z');
    assert.deepEqual(await sender.runOnce(), { sent: 1, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    assert.equal(messageIdOf(mail), `<${id}@conservatoire-portee.example>`, 'the same Message-ID: a client shows a duplicate once');
    const [row] = await rowsOf([id]);
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 2);
  });

  test('a sender that outlives its claim (its send hung past the stale delay) cannot overwrite what the next sender did', async () => {
    let now = new Date('2026-12-02T10:00:00Z');
    let release!: () => void;
    let called = false;
    const hung = createMailer(a.db, {
      from: FROM,
      log: quiet,
      now: () => now,
      transport: {
        sendMail: async () => {
          called = true;
          await new Promise<void>((r) => (release = r));
          throw new Error('connection timed out');
        },
      },
    });
    const id = await writeTransaction(a.db, (tx) => hung.queue(tx, letter(9), siteId));
    const stuck = hung.deliver([id]);
    while (!called) await new Promise((r) => setTimeout(r, 10));

    // Six minutes later another process's job takes the claim as dead, and sends the mail.
    now = new Date('2026-12-02T10:06:00Z');
    const mailer = createMailer(b.db, { smtpUrl: smtp.url, from: FROM, log: quiet, now: () => now });
    assert.deepEqual(await createMailSender({ db: b.db, mailer, log: quiet, holder: 'b', now: () => now }).runOnce(), { sent: 1, failed: 0 });
    // The hung send finally fails: its outcome is about a claim that is no longer its own.
    release();
    await stuck;
    const [row] = await rowsOf([id]);
    assert.equal(row.status, 'sent', 'not turned back to queued or failed by the old claim');
    assert.equal(row.attempts, 2);
    assert.equal(smtp.received.length, 1);
  });

  test('two processes, each with its sender job, and the requests’ own deliveries: each of 40 mails goes out once', async () => {
    const mailerA = createMailer(a.db, { smtpUrl: smtp.url, from: FROM, log: quiet });
    const mailerB = createMailer(b.db, { smtpUrl: smtp.url, from: FROM, log: quiet });
    const ids = await writeTransaction(a.db, async (tx) => {
      const out = [];
      for (let n = 0; n < 40; n++) out.push(await mailerA.queue(tx, letter(100 + n), siteId));
      return out;
    });
    const senderA = createMailSender({ db: a.db, mailer: mailerA, log: quiet, holder: 'a' });
    const senderB = createMailSender({ db: b.db, mailer: mailerB, log: quiet, holder: 'b' });
    await Promise.all([mailerA.deliver(ids.slice(0, 25)), mailerB.deliver(ids.slice(15)), senderA.runOnce(), senderB.runOnce(), senderA.runOnce()]);
    await senderB.runOnce();
    await senderA.runOnce();
    const received = await smtp.waitFor(40);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(smtp.received.length, 40, 'nothing sent twice');
    assert.equal(new Set(received.map(messageIdOf)).size, 40);
    const rows = await rowsOf(ids);
    assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 1), 'each claimed once');
  });

  test('without SMTP_URL the mails are stored (the outbox and the log are the sink), by the request or by the job', async () => {
    const mailer = createMailer(a.db, { from: FROM, log: quiet });
    const [first, second] = await writeTransaction(a.db, async (tx) => [await mailer.queue(tx, letter(7), siteId), await mailer.queue(tx, letter(8), siteId)]);
    await mailer.deliver([first]);
    assert.equal((await rowsOf([first]))[0].status, 'stored');
    assert.equal((await rowsOf([second]))[0].status, 'queued');
    await createMailSender({ db: a.db, mailer, log: quiet }).runOnce();
    assert.equal((await rowsOf([second]))[0].status, 'stored');
  });
});
