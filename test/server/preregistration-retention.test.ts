import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import type { PreregistrationInput } from '../../shared/preregistration-schemas.ts';
import { auditLog, jobLease, mailOutbox, preRegistration, rateEvent } from '../../server/db/schema/index.ts';
import { formToken } from '../../server/preregistration/form-token.ts';
import { createRetentionJob } from '../../server/preregistration/retention.ts';
import { eraseBefore, erasedFrom } from '../../shared/preregistration-retention.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

// The privacy notice's promise (/confidentialite): an application refused or left without an answer
// is erased at the latest one year after it was received, with the mails that repeat it; an accepted
// one stays (it became the family's file).

let t: TestApp;
let mantes: string;
let desk: TestClient;
let ip = 0;

before(async () => {
  t = await createTestApp();
  mantes = (await new TestClient(t.app).json<Array<{ id: string; name: string }>>('/api/sites')).body.find((s) => s.name === 'Mantes')!.id;
  desk = new TestClient(t.app);
  assert.equal((await desk.signIn(DEMO.secretariat[0], DEMO.secretariat[1])).status, 200);
});
after(() => t.close());

function application(lastName: string): PreregistrationInput {
  return {
    siteId: mantes,
    responsible: { civility: 'Mme', lastName, firstName: 'Élodie', address: '3 rue des Lilas', postalCode: '78200', city: 'Mantes-la-Jolie', mobile: '06 12 34 56 78', email: `${lastName.toLowerCase()}@example.org`, smsOptIn: true },
    children: [{ firstName: 'Inès', lastName, birthDate: '2017-03-14', disciplines: ['Piano'], level: 'debutant', availability: '' }],
    comment: '',
    consent: true,
    formToken: formToken(t.env.AUTH_SECRET, Date.now() - 10_000),
    website: '',
  };
}

/** An application sent through the API, then dated `receivedAt` as if it had been received then. */
async function received(lastName: string, receivedAt: Date) {
  const r = await new TestClient(t.app, `10.77.0.${++ip}`).json('/api/preregistration', { json: application(lastName) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const [row] = await t.db.update(preRegistration).set({ createdAt: receivedAt.toISOString() }).where(eq(preRegistration.reference, r.body.reference)).returning();
  return row;
}

const mailsOf = async (reference: string) => (await t.db.select({ subject: mailOutbox.subject }).from(mailOutbox)).filter((m) => m.subject.includes(reference));
const auditOf = (id: string) => t.db.select().from(auditLog).where(and(eq(auditLog.targetKind, 'pre_registration'), eq(auditLog.targetId, id))).orderBy(auditLog.id);
const days = (n: number) => n * 86_400_000;

test('the cut-off: one year before now, a day early', () => {
  assert.equal(eraseBefore(new Date('2027-06-15T10:00:00.000Z')), '2026-06-16T10:00:00.000Z');
  // 29 February: one year back is 1 March, then the day early.
  assert.equal(eraseBefore(new Date('2028-02-29T00:00:00.000Z')), '2027-03-02T00:00:00.000Z');
  // The date the desk shows: from then, the job erases it (an hour later it is past the cut-off).
  assert.equal(erasedFrom('2026-06-16T10:00:00.000Z').toISOString(), '2027-06-15T10:00:00.000Z');
  for (const received of ['2026-01-01T00:00:00.000Z', '2026-03-01T08:00:00.000Z', '2027-12-31T23:30:00.000Z', '2028-02-29T12:00:00.000Z']) {
    const hourLater = new Date(erasedFrom(received).getTime() + 3600_000);
    assert.ok(received < eraseBefore(hourLater), `${received} is erased by the round after ${erasedFrom(received).toISOString()}`);
    const dayBefore = new Date(erasedFrom(received).getTime() - 86_400_000);
    assert.ok(received >= eraseBefore(dayBefore), `${received} is not erased a day before`);
  }
});

test('refused and unanswered applications are erased after a year with their mails and reasons; accepted and recent ones stay', async () => {
  const now = new Date();
  const yearAgo = new Date(now.getTime() - days(366));
  const refused = await received('Refusee', yearAgo);
  const unanswered = await received('Sanssuite', yearAgo);
  const inProgress = await received('Encours', yearAgo);
  const accepted = await received('Acceptee', yearAgo);
  const recent = await received('Recente', new Date(now.getTime() - days(300)));
  const almost = await received('Presque', new Date(now.getTime() - days(363)));

  assert.equal((await desk.json(`/api/admin/preregistrations/${refused.id}/refuse`, { json: { reason: 'Inès a déjà une place au site de Limay.' } })).status, 200);
  assert.equal((await desk.json(`/api/admin/preregistrations/${inProgress.id}/in-progress`, { json: {} })).status, 200);
  assert.equal((await desk.json(`/api/admin/preregistrations/${accepted.id}/accept`, { json: {} })).status, 200);
  assert.equal((await mailsOf(refused.reference)).length, 2, 'received, then refused');
  assert.deepEqual((await auditOf(refused.id)).map((a) => a.details), [{ reason: 'Inès a déjà une place au site de Limay.' }]);
  const acceptedMails = (await mailsOf(accepted.reference)).length;
  const otherMails = (await t.db.select().from(mailOutbox)).filter((m) => ![refused, unanswered, inProgress].some((r) => m.subject.includes(r.reference))).length;

  const job = createRetentionJob({ db: t.db, now: () => now, log: () => undefined });
  assert.deepEqual(await job.runOnce(), { erased: 3 });

  const left = await t.db.select({ id: preRegistration.id }).from(preRegistration).where(inArray(preRegistration.id, [refused, unanswered, inProgress, accepted, recent, almost].map((r) => r.id)));
  assert.deepEqual(left.map((r) => r.id).sort(), [accepted.id, recent.id, almost.id].sort());
  for (const gone of [refused, unanswered, inProgress]) {
    assert.deepEqual(await mailsOf(gone.reference), [], `${gone.reference}'s mails`);
    const audit = await auditOf(gone.id);
    assert.ok(audit.every((a) => a.action === 'preregistration.erased' || a.details === null), 'no reason or detail left');
    assert.deepEqual(audit.at(-1)!.details, { reference: gone.reference, status: gone === refused ? 'refused' : gone === inProgress ? 'in_progress' : 'new' });
    assert.equal(audit.at(-1)!.actorUserId, null);
  }
  assert.deepEqual((await auditOf(refused.id)).map((a) => a.action), ['preregistration.refuse', 'preregistration.erased'], 'who decided what stays');
  assert.equal((await mailsOf(accepted.reference)).length, acceptedMails, 'an accepted application keeps its mails');
  assert.equal((await t.db.select().from(mailOutbox)).length, otherMails, 'no other mail is touched');
  assert.equal((await desk.json(`/api/admin/preregistrations/${refused.id}`)).status, 404, 'gone from the desk too');

  assert.deepEqual(await job.runOnce(), { erased: 0 }, 'nothing twice');
  await job.stop();
});

test('a mail still to send waits for the next round; mails without a site, a resent mail’s address and old sender addresses go too', async () => {
  const now = new Date();
  const resent = await received('Renvoyee', new Date(now.getTime() - days(400)));
  const [ack] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.subject, (await mailsOf(resent.reference))[0].subject));
  await t.db.update(mailOutbox).set({ status: 'failed' }).where(eq(mailOutbox.id, ack.id));
  assert.equal((await desk.json(`/api/admin/messages/mail/${ack.id}/resend`, { json: {} })).status, 200);
  const [resendAudit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'mail.resend'), eq(auditLog.targetId, ack.id)));
  assert.deepEqual(resendAudit.details, { to: 'renvoyee@example.org' });
  // A row from before migration 0010 names no site.
  await t.db.update(mailOutbox).set({ siteId: null }).where(eq(mailOutbox.id, ack.id));

  const refusedLate = await received('Tardive', new Date(now.getTime() - days(400)));
  assert.equal((await desk.json(`/api/admin/preregistrations/${refusedLate.id}/refuse`, { json: { reason: 'Plus de place.' } })).status, 200);
  const refusal = (await t.db.select().from(mailOutbox)).find((m) => m.subject.includes(refusedLate.reference) && m.text.includes('Plus de place'))!;
  await t.db.update(mailOutbox).set({ status: 'queued' }).where(eq(mailOutbox.id, refusal.id)); // SMTP was down

  await t.db.insert(rateEvent).values([
    { kind: 'preregistration', key: '10.66.0.1', at: now.getTime() - 2 * 3600_000 },
    { kind: 'preregistration', key: '10.66.0.2', at: now.getTime() - 10 * 60_000 },
  ]);

  const job = createRetentionJob({ db: t.db, now: () => now, log: () => undefined });
  assert.deepEqual(await job.runOnce(), { erased: 1 });
  assert.deepEqual(await mailsOf(resent.reference), [], 'every mail of it, the one with no site included');
  const [scrubbed] = await t.db.select().from(auditLog).where(eq(auditLog.id, resendAudit.id));
  assert.equal(scrubbed.details, null, 'the resent mail’s address');
  assert.deepEqual((await t.db.select({ key: rateEvent.key }).from(rateEvent).where(eq(rateEvent.kind, 'preregistration'))).map((r) => r.key).filter((k) => k.startsWith('10.66.')), ['10.66.0.2']);
  assert.equal((await t.db.select().from(preRegistration).where(eq(preRegistration.id, refusedLate.id))).length, 1, 'its refusal is not sent yet: it waits');
  assert.equal((await mailsOf(refusedLate.reference)).length, 2);

  await t.db.update(mailOutbox).set({ status: 'sent' }).where(eq(mailOutbox.id, refusal.id));
  assert.deepEqual(await job.runOnce(), { erased: 1 }, 'sent: erased at the next round');
  assert.deepEqual(await mailsOf(refusedLate.reference), []);
  await job.stop();
});

test('one server process erases at a time: the lease is another holder’s, the round does nothing', async () => {
  const now = new Date();
  const old = await received('Bail', new Date(now.getTime() - days(400)));
  await t.db.insert(jobLease).values({ name: 'retention', holder: 'another-process', expiresAt: new Date(now.getTime() + 60_000).toISOString() });
  const job = createRetentionJob({ db: t.db, now: () => now, log: () => undefined, holder: 'this-process' });
  assert.deepEqual(await job.runOnce(), { erased: 0 });
  assert.equal((await t.db.select().from(preRegistration).where(eq(preRegistration.id, old.id))).length, 1);
  await t.db.delete(jobLease).where(eq(jobLease.name, 'retention'));
  assert.deepEqual(await job.runOnce(), { erased: 1 });
  await job.stop();
  assert.deepEqual(await t.db.select().from(jobLease).where(eq(jobLease.name, 'retention')), [], 'the lease is given up on stop');
});
