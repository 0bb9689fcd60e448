import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { ABSENCE_NOTICE_MUTATIONS } from '../../shared/absence-notice-schemas.ts';
import { parisDay } from '../../shared/reenrolment-progress.ts';
import { lessonDates } from '../../shared/lesson-dates.ts';
import type { PushResponse } from '../../shared/push-protocol.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { absenceNotice, auditLog, course, enrollment, student, teacher, user } from '../../server/db/schema/index.ts';
import { pull } from '../../server/sync/pull.ts';
import type { SessionUser } from '../../server/http/context.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
/** Hugo Lefèvre in the demo teacher's choir. */
let choir: typeof course.$inferSelect;
let hugoSeat: string;
/** Théo Martin's seat in the same choir: another family's enrollment. */
let martinSeat: string;
let coming: string[];

before(async () => {
  t = await createTestApp();
  [choir] = await t.db.select().from(course).where(and(eq(course.name, 'Chorale 1er cycle'), eq(course.schoolYear, schoolYearOf(new Date()))));
  const seats = await t.db
    .select({ id: enrollment.id, firstName: student.firstName })
    .from(enrollment)
    .innerJoin(student, eq(student.id, enrollment.studentId))
    .where(eq(enrollment.courseId, choir.id));
  hugoSeat = seats.find((s) => s.firstName === 'Hugo')!.id;
  martinSeat = seats.find((s) => s.firstName === 'Théo')!.id;
  coming = lessonDates(choir, parisDay());
  assert.ok(coming.length >= 4, 'the choir has lessons to come');
});
after(() => t.close());

async function signedIn(account: readonly [string, string]) {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1])).status, 200);
  return c;
}

const push = (c: TestClient, clientId: string, mutations: unknown[]) => c.json<PushResponse>('/api/sync/push', { json: { clientId, mutations } });
const announce = (mutationId: number, args: Record<string, unknown>) => ({ mutationId, name: ABSENCE_NOTICE_MUTATIONS.announce, args });
const withdraw = (mutationId: number, args: Record<string, unknown>) => ({ mutationId, name: ABSENCE_NOTICE_MUTATIONS.withdraw, args });
const noticesOf = (seat: string) => t.db.select().from(absenceNotice).where(eq(absenceNotice.enrollmentId, seat));
const codes = (r: { body: PushResponse }) => r.body.results.map((x) => ('error' in x ? x.error.code : 'ok'));

describe('absences announced by the family (push mutations)', () => {
  test('announced once per lesson day: a replay writes nothing more, announcing again updates the reason', async () => {
    const c = await signedIn(DEMO.family);
    const clientId = crypto.randomUUID();
    const first = await push(c, clientId, [announce(1, { enrollmentId: hugoSeat, dates: [coming[1], coming[0], coming[1]], reason: 'Voyage scolaire' })]);
    assert.deepEqual(codes(first), ['ok']);
    let rows = await noticesOf(hugoSeat);
    assert.deepEqual(rows.map((r) => r.date).sort(), [coming[0], coming[1]], 'a day given twice is one absence');
    assert.ok(rows.every((r) => r.reason === 'Voyage scolaire' && !r.withdrawn && r.version > 0));

    // The same push again (its answer was lost): nothing more.
    assert.deepEqual((await push(c, clientId, [announce(1, { enrollmentId: hugoSeat, dates: [coming[0]], reason: 'autre' })])).body.results, []);
    assert.equal((await noticesOf(hugoSeat)).length, 2);

    // Announcing a day again (another device, a new reason): the same row, the new reason, a new version.
    const before = rows.find((r) => r.date === coming[0])!;
    assert.deepEqual(codes(await push(c, crypto.randomUUID(), [announce(1, { enrollmentId: hugoSeat, dates: [coming[0]], reason: 'Malade' })])), ['ok']);
    rows = await noticesOf(hugoSeat);
    const after = rows.find((r) => r.date === coming[0])!;
    assert.equal(rows.length, 2);
    assert.equal(after.id, before.id);
    assert.equal(after.reason, 'Malade');
    assert.ok(after.version > before.version);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'absence_notice.announced'), eq(auditLog.targetId, hugoSeat)));
    assert.equal(audits.length, 2, 'every applied announcement is audited, the replay is not');
  });

  test('withdrawn before the day: kept as withdrawn (the teacher learns it), again is a no-op, announcing again brings it back', async () => {
    const c = await signedIn(DEMO.family);
    const clientId = crypto.randomUUID();
    await push(c, clientId, [announce(1, { enrollmentId: hugoSeat, dates: [coming[2]], reason: 'Concert' })]);
    const r = await push(c, clientId, [withdraw(2, { enrollmentId: hugoSeat, date: coming[2] }), withdraw(3, { enrollmentId: hugoSeat, date: coming[2] })]);
    assert.deepEqual(codes(r), ['ok', 'ok']);
    const [row] = (await noticesOf(hugoSeat)).filter((n) => n.date === coming[2]);
    assert.equal(row.withdrawn, true);
    const unknown = await push(c, clientId, [withdraw(4, { enrollmentId: hugoSeat, date: coming[3] })]);
    assert.deepEqual(codes(unknown), ['not_found']);
    await push(c, clientId, [announce(5, { enrollmentId: hugoSeat, dates: [coming[2]], reason: 'Finalement absent' })]);
    const [again] = (await noticesOf(hugoSeat)).filter((n) => n.date === coming[2]);
    assert.equal(again.withdrawn, false);
    assert.equal(again.reason, 'Finalement absent');
  });

  test("another family's enrollment, an unknown one: not_found, nothing written; teachers and the secretariat cannot announce", async () => {
    const c = await signedIn(DEMO.family);
    const before = (await t.db.select().from(absenceNotice)).length;
    const r = await push(c, crypto.randomUUID(), [
      announce(1, { enrollmentId: martinSeat, dates: [coming[0]], reason: '' }),
      announce(2, { enrollmentId: crypto.randomUUID(), dates: [coming[0]], reason: '' }),
      withdraw(3, { enrollmentId: martinSeat, date: coming[0] }),
    ]);
    assert.deepEqual(codes(r), ['not_found', 'not_found', 'not_found']);
    for (const account of [DEMO.teacher, DEMO.secretariat]) {
      const other = await signedIn(account);
      assert.deepEqual(codes(await push(other, crypto.randomUUID(), [announce(1, { enrollmentId: hugoSeat, dates: [coming[5]], reason: '' })])), ['forbidden']);
    }
    assert.equal((await t.db.select().from(absenceNotice)).length, before);
  });

  test('validation: a past day, a day that is not a lesson, no day, too long a reason — with codes, nothing written', async () => {
    const c = await signedIn(DEMO.family);
    const past = lessonDates(choir)[0];
    const notLesson = new Date(Date.parse(coming[4] + 'T12:00:00Z') + 86_400_000).toISOString().slice(0, 10);
    const before = (await noticesOf(hugoSeat)).length;
    const r = await push(c, crypto.randomUUID(), [
      announce(1, { enrollmentId: hugoSeat, dates: [coming[4], past], reason: '' }),
      announce(2, { enrollmentId: hugoSeat, dates: [notLesson], reason: '' }),
      announce(3, { enrollmentId: hugoSeat, dates: [], reason: '' }),
      announce(4, { enrollmentId: hugoSeat, dates: [coming[4]], reason: 'x'.repeat(201) }),
      announce(5, { enrollmentId: hugoSeat, dates: Array.from({ length: 13 }, () => coming[4]), reason: '' }),
    ]);
    const errors = r.body.results.map((x) => ('error' in x ? x.error : null));
    assert.equal(errors[0]?.fieldCodes?.['dates.0']?.code, 'noticeDatePast', 'the dates are sorted: the past one comes first');
    assert.equal(errors[1]?.fieldCodes?.['dates.0']?.code, 'noticeNotLesson');
    assert.equal(errors[2]?.fieldCodes?.dates?.code, 'noticeDatesCount');
    assert.equal(errors[3]?.fieldCodes?.reason?.code, 'tooLong');
    assert.equal(errors[4]?.fieldCodes?.dates?.code, 'noticeDatesCount');
    assert.equal((await noticesOf(hugoSeat)).length, before, 'a list with one bad day writes none of them');
  });

  test("the pull: the family gets its own notices; the class's teacher gets them; another teacher does not", async () => {
    const c = await signedIn(DEMO.family);
    await push(c, crypto.randomUUID(), [announce(1, { enrollmentId: hugoSeat, dates: [coming[6]], reason: 'Rendez-vous médical' })]);

    const family = await c.json('/api/sync?cursor=0');
    const mine = family.body.changes.absenceNotices as Array<{ enrollmentId: string; date: string; reason: string }>;
    assert.ok(mine.some((n) => n.enrollmentId === hugoSeat && n.date === coming[6] && n.reason === 'Rendez-vous médical'));
    const martin = await (await signedIn(DEMO.martin)).json('/api/sync?cursor=0');
    assert.ok(!(martin.body.changes.absenceNotices ?? []).some((n: { enrollmentId: string }) => n.enrollmentId === hugoSeat), "another family never sees Hugo's notices");

    const teacherPull = await (await signedIn(DEMO.teacher)).json('/api/sync?cursor=0');
    const seen = (teacherPull.body.changes.absenceNotices ?? []) as Array<{ enrollmentId: string; date: string; reason: string }>;
    assert.ok(seen.some((n) => n.enrollmentId === hugoSeat && n.date === coming[6] && n.reason === 'Rendez-vous médical'), "the choir's teacher sees it");

    // A teacher of the same site with none of Hugo's classes.
    const [choirTeacher] = await t.db.select({ teacherId: user.teacherId, siteId: user.siteId }).from(user).where(eq(user.username, DEMO.teacher[0]));
    const others = await t.db.select().from(teacher).where(eq(teacher.siteId, choirTeacher.siteId));
    const hugoCourses = (await t.db.select({ teacherId: course.teacherId }).from(enrollment).innerJoin(course, eq(course.id, enrollment.courseId)).innerJoin(student, eq(student.id, enrollment.studentId)).where(eq(student.firstName, 'Hugo'))).map((r) => r.teacherId);
    const stranger = others.find((x) => !hugoCourses.includes(x.id))!;
    const strangerUser: SessionUser = { id: 'test-stranger', name: 'x', email: 'x@example.org', username: 'x', role: 'teacher', siteId: choirTeacher.siteId, familyId: null, studentId: null, teacherId: stranger.id, a11yMode: false, locale: 'fr' };
    const strangerPull = await pull(t.db, strangerUser, 0);
    assert.ok(!(strangerPull.changes.absenceNotices ?? []).some((n) => n.enrollmentId === hugoSeat), 'a teacher without the class sees nothing of it');
  });
});
