import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like } from 'drizzle-orm';
import { lessonDates } from '../../shared/lesson-dates.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { auditLog, course, enrollment, family, smsOutbox, student, teacher, user } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let teacherId: string;
/** The next Wednesday lesson of the teacher's Wednesday classes (chorale, FM 1C1 A, FM 1C3). */
let wednesday: string;

before(async () => {
  t = await createTestApp();
  const [row] = await t.db.select({ teacherId: user.teacherId }).from(user).where(eq(user.username, DEMO.teacher[0]));
  teacherId = row.teacherId!;
  const [choir] = await t.db.select().from(course).where(and(eq(course.name, 'Chorale 1er cycle'), eq(course.schoolYear, schoolYearOf(new Date()))));
  const today = new Date().toISOString().slice(0, 10);
  wednesday = lessonDates(choir, today)[0] ?? lessonDates(choir).at(-1)!;
});
after(() => t.close());

async function signedIn(account: readonly [string, string], site?: string) {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1], site)).status, 200);
  return c;
}

/** The families whose children are in this teacher's classes that have a lesson on `day`. */
async function familiesWithLessonOn(day: string) {
  const courses = await t.db.select().from(course).where(and(eq(course.teacherId, teacherId), eq(course.schoolYear, schoolYearOf(day))));
  const ids = new Set<string>();
  for (const c of courses) {
    if (!lessonDates(c, day, day).length) continue;
    const rows = await t.db.select({ familyId: student.familyId }).from(enrollment).innerJoin(student, eq(student.id, enrollment.studentId)).where(and(eq(enrollment.courseId, c.id), eq(enrollment.active, true)));
    for (const r of rows) ids.add(r.familyId);
  }
  return ids;
}

describe("a teacher's absence reaches the families of the affected classes", () => {
  test('declared by the teacher: lessons cancelled, each family told once by e-mail, SMS only when opted in', async () => {
    const c = await signedIn(DEMO.teacher);
    const expected = await familiesWithLessonOn(wednesday);
    assert.ok(expected.size >= 2, 'several families have a lesson that day');
    t.mails.length = 0;
    const r = await c.json('/api/teacher/absences', { json: { startDate: wednesday, endDate: wednesday, message: 'Stage de direction de chœur.' } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.ok(r.body.cancelledLessons.some((l: { courseName: string; date: string }) => l.courseName === 'Chorale 1er cycle' && l.date === wednesday));
    assert.equal(r.body.notifiedFamilies, expected.size);
    assert.equal(r.body.absence.declaredBy, undefined, 'who declared stays in the audit log');

    const families = await t.db.select().from(family);
    const told = families.filter((f) => expected.has(f.id));
    assert.deepEqual(new Set(t.mails.map((m) => m.to)), new Set(told.filter((f) => f.email).map((f) => f.email)));
    assert.ok(t.mails.every((m) => /annulé/.test(m.subject) && m.text.includes('Stage de direction de chœur.')));
    const sms = await t.db.select().from(smsOutbox).where(like(smsOutbox.dedupeKey, `teacher-absence:${r.body.absence.id}:%`));
    const optedIn = told.filter((f) => f.smsOptIn && f.mobile);
    assert.ok(optedIn.length >= 1, 'famille.demo has a mobile and chose SMS');
    assert.deepEqual(new Set(sms.map((s) => s.familyId)), new Set(optedIn.map((f) => f.id)));
    for (const s of sms) {
      assert.match(s.to, /^\+33[67]\d{8}$/);
      assert.ok(s.text.length <= 160);
      assert.match(s.text, /annul/);
    }
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.targetId, r.body.absence.id));
    assert.equal(audits.length, 1);

    // A double submit declares nothing twice.
    const again = await c.json('/api/teacher/absences', { json: { startDate: wednesday, endDate: wednesday, message: '' } });
    assert.equal(again.status, 409);
    assert.equal((await t.db.select().from(smsOutbox).where(like(smsOutbox.dedupeKey, `teacher-absence:%`))).length, sms.length);

    // The families' pull carries the absence; a family with no class of this teacher does not get it.
    const fam = await signedIn(DEMO.family);
    const pulled = await fam.json('/api/sync?cursor=0');
    assert.ok(pulled.body.changes.teacherAbsences.some((a: { id: string }) => a.id === r.body.absence.id));
    const limay = await signedIn(DEMO.limay, 'Limay');
    assert.equal((await limay.json('/api/sync?cursor=0')).body.changes.teacherAbsences, undefined);

    // Withdrawn: told again (a new revision), once.
    t.mails.length = 0;
    const withdrawn = await c.json(`/api/teacher/absences/${r.body.absence.id}`, { method: 'DELETE' });
    assert.equal(withdrawn.status, 200);
    assert.equal(withdrawn.body.absence.withdrawn, true);
    assert.equal(t.mails.length, told.filter((f) => f.email).length);
    assert.ok(t.mails.every((m) => /maintenus/.test(m.subject)));
    const after = await t.db.select().from(smsOutbox).where(like(smsOutbox.dedupeKey, `teacher-absence:${r.body.absence.id}:%`));
    assert.equal(after.length, sms.length * 2);
    await c.json(`/api/teacher/absences/${r.body.absence.id}`, { method: 'DELETE' });
    assert.equal((await t.db.select().from(smsOutbox).where(like(smsOutbox.dedupeKey, `teacher-absence:${r.body.absence.id}:%`))).length, sms.length * 2);
  });

  test('the secretariat declares for a teacher of its site; another site or a family cannot', async () => {
    const desk = await signedIn(DEMO.secretariat);
    const list = await desk.json('/api/admin/teachers');
    assert.ok(list.body.teachers.some((x: { id: string; courses: number }) => x.id === teacherId && x.courses >= 3));
    const next = lessonDates({ schoolYear: schoolYearOf(wednesday), weekday: 3 }, wednesday)[1];
    const r = await desk.json(`/api/admin/teachers/${teacherId}/absences`, { json: { startDate: next, endDate: next, message: '' } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const listed = await desk.json(`/api/admin/teachers/${teacherId}/absences`);
    assert.ok(listed.body.absences.some((a: { id: string }) => a.id === r.body.absence.id));

    const otherSite = await signedIn(DEMO.secretariatLimay, 'Limay');
    assert.equal((await otherSite.json(`/api/admin/teachers/${teacherId}/absences`)).status, 404);
    assert.equal((await otherSite.json(`/api/admin/teachers/${teacherId}/absences`, { json: { startDate: next, endDate: next } })).status, 404);
    const fam = await signedIn(DEMO.family);
    assert.equal((await fam.json(`/api/admin/teachers/${teacherId}/absences`, { json: { startDate: next, endDate: next } })).status, 403);
    assert.equal((await fam.json('/api/teacher/absences', { json: { startDate: next, endDate: next } })).status, 403);
  });

  test('bad dates: field errors with codes, nothing declared', async () => {
    const c = await signedIn(DEMO.teacher);
    const r = await c.json('/api/teacher/absences', { json: { startDate: '2027-03-10', endDate: '2027-03-01', message: 'x'.repeat(501) } });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.fieldCodes.endDate.code, 'endBeforeStart');
    assert.equal(r.body.error.fieldCodes.message.code, 'tooLong');
    const [t1] = await t.db.select().from(teacher).where(eq(teacher.id, teacherId));
    assert.ok(t1);
  });
});
