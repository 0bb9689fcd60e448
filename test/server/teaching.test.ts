import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { PushResponse } from '../../shared/push-protocol.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { lessonDates } from '../../shared/lesson-dates.ts';
import { TEACHING_MUTATIONS } from '../../shared/teaching-schemas.ts';
import { absence, auditLog, course, enrollment, evaluation, followUpNote, repertoireEntry, rollCall, student, user } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let teacherId: string;
let fm: typeof course.$inferSelect;
let roster: Array<{ studentId: string; enrollmentId: string; familyId: string }>;
let lessonDay: string;

before(async () => {
  t = await createTestApp();
  const [account] = await t.db.select({ teacherId: user.teacherId }).from(user).where(eq(user.username, DEMO.teacher[0]));
  teacherId = account.teacherId!;
  [fm] = await t.db.select().from(course).where(and(eq(course.name, 'Chorale 1er cycle'), eq(course.schoolYear, schoolYearOf(new Date()))));
  roster = await t.db
    .select({ studentId: enrollment.studentId, enrollmentId: enrollment.id, familyId: student.familyId })
    .from(enrollment)
    .innerJoin(student, eq(student.id, enrollment.studentId))
    .where(and(eq(enrollment.courseId, fm.id), eq(enrollment.active, true)));
  lessonDay = lessonDates(fm)[3];
});
after(() => t.close());

async function signedIn(account: readonly [string, string], site?: string) {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1], site)).status, 200);
  return c;
}

const push = (c: TestClient, clientId: string, mutations: unknown[]) => c.json<PushResponse>('/api/sync/push', { json: { clientId, mutations } });

const rollCallOf = (mutationId: number, statuses: Record<string, 'present' | 'absent' | 'excused'>, date = lessonDay, courseId = fm.id) => ({
  mutationId,
  name: TEACHING_MUTATIONS.rollCall,
  args: { courseId, date, entries: roster.map((r) => ({ studentId: r.studentId, status: statuses[r.studentId] ?? 'present', reason: statuses[r.studentId] === 'excused' ? 'Malade' : '' })) },
});

const absencesOn = (date: string) =>
  t.db.select().from(absence).where(and(inArray(absence.enrollmentId, roster.map((r) => r.enrollmentId)), eq(absence.date, date)));

describe('a teacher writes from the classroom (push mutations)', () => {
  test('a roll call is applied exactly once: replayed, reordered, corrected', async () => {
    assert.ok(roster.length >= 2, 'the demo class has students');
    const c = await signedIn(DEMO.teacher);
    const clientId = crypto.randomUUID();
    const [a, b] = roster;
    const first = await push(c, clientId, [rollCallOf(1, { [a.studentId]: 'absent', [b.studentId]: 'excused' })]);
    assert.deepEqual(first.body.results, [{ mutationId: 1, ok: true }]);
    assert.equal((await absencesOn(lessonDay)).length, 2);

    // The same push again (the answer was lost): nothing more.
    const replay = await push(c, clientId, [rollCallOf(1, { [a.studentId]: 'absent', [b.studentId]: 'excused' })]);
    assert.deepEqual(replay.body.results, []);
    assert.equal((await absencesOn(lessonDay)).length, 2);
    assert.equal((await t.db.select().from(rollCall).where(eq(rollCall.courseId, fm.id))).length, 1);

    // An offline batch arriving out of order: applied in id order, the correction last.
    const later = await push(c, clientId, [rollCallOf(3, { [b.studentId]: 'absent' }), rollCallOf(2, { [a.studentId]: 'absent' })]);
    assert.deepEqual(later.body.results.map((r) => r.mutationId), [2, 3]);
    const rows = await absencesOn(lessonDay);
    assert.equal(rows.length, 1, 'a correction replaces the earlier roll call, never doubles it');
    assert.equal(rows[0].enrollmentId, b.enrollmentId);
    assert.equal(rows[0].excused, false);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'teaching.roll_call'), eq(auditLog.targetId, fm.id)));
    assert.equal(audits.length, 3, 'every applied write is audited');
  });

  test("another teacher's class, a student not in the class, an unknown course: not_found and nothing written", async () => {
    const c = await signedIn(DEMO.teacher);
    const [other] = await t.db.select().from(course).where(and(ne(course.teacherId, teacherId), eq(course.schoolYear, fm.schoolYear)));
    const [outsider] = await t.db.select({ id: student.id }).from(student).where(sql`${student.id} NOT IN (SELECT student_id FROM enrollment WHERE course_id = ${fm.id})`);
    const before = (await t.db.select().from(rollCall)).length;
    const auditsBefore = (await t.db.select().from(auditLog)).length;
    const day = lessonDates(fm)[5];
    const r = await push(c, crypto.randomUUID(), [
      { ...rollCallOf(1, {}, lessonDates(other)[0] ?? day, other.id) },
      { mutationId: 2, name: TEACHING_MUTATIONS.rollCall, args: { courseId: fm.id, date: day, entries: [{ studentId: roster[0].studentId, status: 'absent' }, { studentId: outsider.id, status: 'absent' }] } },
      { ...rollCallOf(3, {}, day, crypto.randomUUID()) },
      { mutationId: 4, name: TEACHING_MUTATIONS.saveNote, args: { id: crypto.randomUUID(), courseId: fm.id, studentId: outsider.id, date: day, text: 'Hors classe' } },
    ]);
    assert.deepEqual(r.body.results.map((x) => 'error' in x && x.error.code), ['not_found', 'not_found', 'not_found', 'not_found']);
    assert.equal((await t.db.select().from(rollCall)).length, before);
    assert.equal((await absencesOn(day)).length, 0);
    assert.equal((await t.db.select().from(auditLog)).length, auditsBefore);
  });

  test('families and the secretariat cannot use the teacher mutations', async () => {
    for (const account of [DEMO.family, DEMO.secretariat]) {
      const c = await signedIn(account);
      const day = lessonDates(fm)[6];
      const r = await push(c, crypto.randomUUID(), [rollCallOf(1, { [roster[0].studentId]: 'absent' }, day)]);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.results.map((x) => 'error' in x && x.error.code), ['forbidden']);
      assert.equal((await absencesOn(day)).length, 0);
    }
  });

  test('an invalid roll call comes back with field codes and writes nothing', async () => {
    const c = await signedIn(DEMO.teacher);
    const r = await push(c, crypto.randomUUID(), [
      { mutationId: 1, name: TEACHING_MUTATIONS.rollCall, args: { courseId: fm.id, date: '2026-02-30', entries: [{ studentId: roster[0].studentId, status: 'late' }] } },
      { mutationId: 2, name: TEACHING_MUTATIONS.rollCall, args: { courseId: fm.id, date: '2001-01-01', entries: [] } },
    ]);
    const [bad, outOfYear] = r.body.results;
    assert.ok('error' in bad && bad.error.code === 'validation');
    assert.equal(bad.error.fieldCodes?.date?.code, 'dateInvalid');
    assert.equal(bad.error.fieldCodes?.['entries.0.status']?.code, 'attendanceStatus');
    assert.ok('error' in outOfYear && outOfYear.error.fieldCodes?.date?.code === 'dateRange');
  });

  test('evaluations: a class batch is created, replaced (a student emptied loses theirs) and deleted', async () => {
    const c = await signedIn(DEMO.teacher);
    const clientId = crypto.randomUUID();
    const batchId = crypto.randomUUID();
    const [a, b] = roster;
    const save = (mutationId: number, entries: Array<{ studentId: string; appreciation?: string; mark?: string }>) => ({
      mutationId, name: TEACHING_MUTATIONS.saveEvaluation, args: { batchId, courseId: fm.id, date: lessonDay, kind: 'Contrôle continu', entries },
    });
    let r = await push(c, clientId, [save(1, [{ studentId: a.studentId, appreciation: 'Très bien', mark: '16/20' }, { studentId: b.studentId, appreciation: 'Bien' }])]);
    assert.ok(r.body.results.every((x) => 'ok' in x));
    assert.equal((await t.db.select().from(evaluation).where(eq(evaluation.batchId, batchId))).length, 2);
    r = await push(c, clientId, [save(2, [{ studentId: a.studentId, appreciation: 'Excellent' }, { studentId: b.studentId }])]);
    const rows = await t.db.select().from(evaluation).where(eq(evaluation.batchId, batchId));
    assert.deepEqual(rows.map((e) => [e.enrollmentId, e.appreciation, e.mark]), [[a.enrollmentId, 'Excellent', '']]);
    r = await push(c, clientId, [{ mutationId: 3, name: TEACHING_MUTATIONS.deleteEvaluation, args: { batchId } }]);
    assert.ok(r.body.results.every((x) => 'ok' in x));
    assert.equal((await t.db.select().from(evaluation).where(eq(evaluation.batchId, batchId))).length, 0);
    r = await push(c, clientId, [{ mutationId: 4, name: TEACHING_MUTATIONS.deleteEvaluation, args: { batchId } }]);
    assert.deepEqual(r.body.results.map((x) => 'error' in x && x.error.code), ['not_found']);
  });

  test("notes and repertoire: the teacher's own, never another's row under the same id", async () => {
    const c = await signedIn(DEMO.teacher);
    const clientId = crypto.randomUUID();
    const [a] = roster;
    const noteId = crypto.randomUUID();
    const entryId = crypto.randomUUID();
    let r = await push(c, clientId, [
      { mutationId: 1, name: TEACHING_MUTATIONS.saveNote, args: { id: noteId, courseId: fm.id, studentId: a.studentId, date: lessonDay, text: 'Lecture de clé de fa à reprendre.' } },
      { mutationId: 2, name: TEACHING_MUTATIONS.saveNote, args: { id: noteId, courseId: fm.id, studentId: a.studentId, date: lessonDay, text: 'Lecture de clé de fa : en progrès.' } },
      { mutationId: 3, name: TEACHING_MUTATIONS.saveRepertoire, args: { id: entryId, studentId: a.studentId, date: lessonDay, eventLabel: 'Audition de Noël', eventKind: 'audition', piece: 'Petite valse', composer: 'Anonyme', durationMinutes: 3 } },
    ]);
    assert.ok(r.body.results.every((x) => 'ok' in x), JSON.stringify(r.body));
    const notes = await t.db.select().from(followUpNote).where(eq(followUpNote.id, noteId));
    assert.deepEqual(notes.map((n) => [n.text, n.teacherId]), [['Lecture de clé de fa : en progrès.', teacherId]]);
    const [entry] = await t.db.select().from(repertoireEntry).where(eq(repertoireEntry.id, entryId));
    assert.equal(entry.teacherId, teacherId);

    // A seeded note (no teacher, or another's) cannot be taken over by reusing its id.
    const [seeded] = await t.db.select().from(followUpNote).where(ne(followUpNote.id, noteId));
    r = await push(c, clientId, [
      { mutationId: 4, name: TEACHING_MUTATIONS.saveNote, args: { id: seeded.id, courseId: fm.id, studentId: a.studentId, date: lessonDay, text: 'Écrasée ?' } },
      { mutationId: 5, name: TEACHING_MUTATIONS.deleteNote, args: { id: seeded.id } },
      { mutationId: 6, name: TEACHING_MUTATIONS.deleteRepertoire, args: { id: entryId } },
      { mutationId: 7, name: TEACHING_MUTATIONS.deleteNote, args: { id: noteId } },
    ]);
    assert.deepEqual(r.body.results.map((x) => ('error' in x ? x.error.code : 'ok')), ['not_found', 'not_found', 'ok', 'ok']);
    const [still] = await t.db.select().from(followUpNote).where(eq(followUpNote.id, seeded.id));
    assert.equal(still.text, seeded.text);
  });
});

describe('pull contents per role', () => {
  test("a teacher's pull: rosters with names and emergency contacts only, roll calls, absences of the class, only what the teacher wrote", async () => {
    const c = await signedIn(DEMO.teacher);
    const pull = await c.json('/api/sync?cursor=0');
    const ch = pull.body.changes;
    assert.ok(ch.rollCalls?.some((r: { courseId: string }) => r.courseId === fm.id));
    assert.ok(ch.absences?.length >= 1);
    for (const s of ch.students) assert.deepEqual(Object.keys(s).sort(), ['emergencyContacts', 'firstName', 'id', 'lastName', 'version']);
    for (const e of ch.evaluations ?? []) assert.equal(e.teacherId, teacherId);
    for (const n of ch.followUpNotes ?? []) assert.equal(n.teacherId, teacherId);
    assert.equal(ch.families, undefined);
    assert.equal(ch.invoices, undefined);
  });

  test("the family's pull carries the roll call's absence for its child, and a correction's deletion", async () => {
    const [{ familyId }] = (await t.db.select({ familyId: user.familyId }).from(user).where(eq(user.username, DEMO.family[0]))) as [{ familyId: string }];
    const mine = roster.find((r) => r.familyId === familyId);
    assert.ok(mine, 'a Lefèvre child sings in the choir');
    const famUser = await signedIn(DEMO.family);
    const before = await famUser.json('/api/sync?cursor=0');
    const cursor = before.body.cursor as number;
    const c = await signedIn(DEMO.teacher);
    const day = lessonDates(fm)[8];
    await push(c, crypto.randomUUID(), [rollCallOf(1, { [mine.studentId]: 'excused' }, day)]);
    const after = await famUser.json(`/api/sync?cursor=${cursor}`);
    const [row] = after.body.changes.absences.filter((a: { date: string }) => a.date === day);
    assert.equal(row.excused, true);
    assert.equal(after.body.changes.rollCalls, undefined, 'families do not get roll calls');
    await push(c, crypto.randomUUID(), [rollCallOf(1, {}, day)]);
    const corrected = await famUser.json(`/api/sync?cursor=${after.body.cursor}`);
    assert.deepEqual(corrected.body.deleted.absences, [row.id]);
  });
});

describe('the secretariat reads and corrects what teachers wrote', () => {
  test('reads a course, corrects a roll call (audited), removes a note; another site gets 404, a teacher 403', async () => {
    const desk = await signedIn(DEMO.secretariat);
    const day = lessonDates(fm)[10];
    const teacherClient = await signedIn(DEMO.teacher);
    await push(teacherClient, crypto.randomUUID(), [rollCallOf(1, { [roster[0].studentId]: 'absent' }, day)]);
    const classes = await desk.json(`/api/admin/teachers/${teacherId}`);
    assert.ok(classes.body.courses.some((x: { id: string; students: number }) => x.id === fm.id && x.students === roster.length));
    const read = await desk.json(`/api/admin/courses/${fm.id}/teaching`);
    assert.equal(read.status, 200);
    assert.ok(read.body.rollCalls.some((r: { date: string }) => r.date === day));
    assert.ok(read.body.absences.some((a: { date: string }) => a.date === day));

    const entries = roster.map((r) => ({ studentId: r.studentId, status: r === roster[0] ? 'excused' : 'present', reason: 'Certificat médical' }));
    const fixed = await desk.json(`/api/admin/courses/${fm.id}/roll-calls/${day}`, { method: 'PUT', json: { entries } });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    const rows = await absencesOn(day);
    assert.deepEqual(rows.map((r) => [r.excused, r.reason]), [[true, 'Certificat médical']]);
    const [call] = await t.db.select().from(rollCall).where(and(eq(rollCall.courseId, fm.id), eq(rollCall.date, day)));
    assert.equal(call.teacherId, teacherId, "the roll call stays the class teacher's");
    const corrections = await t.db.select().from(auditLog).where(eq(auditLog.action, 'teaching.roll_call.correct'));
    assert.equal(corrections.length, 1);

    const bad = await desk.json(`/api/admin/courses/${fm.id}/roll-calls/${day}`, { method: 'PUT', json: { entries: [{ studentId: crypto.randomUUID(), status: 'absent' }] } });
    assert.equal(bad.status, 404);
    const badDate = await desk.json(`/api/admin/courses/${fm.id}/roll-calls/2026-02-30`, { method: 'PUT', json: { entries } });
    assert.equal(badDate.status, 422, 'a date in the address is validated like the body');
    assert.equal(badDate.body.error.fieldCodes.date.code, 'dateInvalid');

    const noteId = crypto.randomUUID();
    await push(teacherClient, crypto.randomUUID(), [{ mutationId: 1, name: TEACHING_MUTATIONS.saveNote, args: { id: noteId, courseId: fm.id, studentId: roster[0].studentId, date: day, text: 'À revoir' } }]);
    const otherSite = await signedIn(DEMO.secretariatLimay, 'Limay');
    assert.equal((await otherSite.json(`/api/admin/courses/${fm.id}/teaching`)).status, 404);
    assert.equal((await otherSite.json(`/api/admin/follow-up-notes/${noteId}`, { method: 'DELETE' })).status, 404);
    assert.equal((await teacherClient.json(`/api/admin/courses/${fm.id}/teaching`)).status, 403);
    assert.equal((await desk.json(`/api/admin/follow-up-notes/${noteId}`, { method: 'DELETE' })).status, 200);
    assert.equal((await t.db.select().from(followUpNote).where(eq(followUpNote.id, noteId))).length, 0);
  });
});
