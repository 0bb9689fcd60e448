import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { schoolYearOf, shiftSchoolYear } from '../../shared/school-year.ts';
import { auditLog, enrollment } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

/**
 * `/admin/cours` (issue 14, item 6): the secretariat's courses and enrolments — creation and its
 * validation, capacity and the waiting list, closing, site isolation and roles on every route,
 * and the family's and the teacher's pulls seeing a new enrolment.
 */

let t: TestApp;
let desk: TestClient;
let limay: TestClient;
let lists: { departments: Array<{ id: string; name: string }>; teachers: Array<{ id: string; lastName: string }>; rooms: Array<{ id: string; name: string }> };
const year = schoolYearOf(new Date());

before(async () => {
  t = await createTestApp();
  desk = new TestClient(t.app);
  limay = new TestClient(t.app);
  assert.equal((await desk.signIn(...DEMO.secretariat)).status, 200);
  assert.equal((await limay.signIn(DEMO.secretariatLimay[0], DEMO.secretariatLimay[1], 'Limay')).status, 200);
  lists = (await desk.json('/api/admin/courses')).body;
});
after(() => t.close());

/** A valid form for a course of the current year, as the browser sends it (numbers typed as text). */
function form(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Atelier jazz',
    departmentId: lists.departments.find((d) => d.name === 'Pratiques collectives')!.id,
    teacherId: lists.teachers.find((x) => x.lastName === 'Roussillon')!.id,
    roomId: lists.rooms.find((r) => r.name === 'Salle Fauré')!.id,
    weekday: '5',
    startTime: '18:00',
    durationMinutes: '60',
    cycle: '',
    capacity: '',
    schoolYear: year,
    ...overrides,
  };
}

async function createCourse(c: TestClient, overrides: Record<string, unknown> = {}): Promise<string> {
  const r = await c.json('/api/admin/courses', { json: form(overrides) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
}

async function studentId(c: TestClient, q: string): Promise<string> {
  const r = await c.json(`/api/admin/students?q=${encodeURIComponent(q)}`);
  assert.equal(r.status, 200);
  assert.equal(r.body.students.length, 1, `${q}: ${JSON.stringify(r.body)}`);
  return r.body.students[0].id;
}

const enrol = (c: TestClient, courseId: string, student: string) => c.json(`/api/admin/courses/${courseId}/enrollments`, { json: { studentId: student } });

describe('GET /api/admin/courses', () => {
  test('the current year’s courses of the site with their numbers, and the form’s lists of the site', async () => {
    const r = await desk.json('/api/admin/courses');
    assert.equal(r.status, 200);
    assert.equal(r.body.schoolYear, year);
    const fm = r.body.courses.find((c: { name: string }) => c.name === 'FM 1C1 A');
    assert.equal(fm.department, 'Formation musicale');
    assert.equal(fm.teacher, 'Mme Claire Roussillon');
    assert.equal(fm.room, 'Salle Fauré');
    assert.equal(fm.weekday, 3);
    assert.equal(fm.startTime, '13:30');
    assert.equal(fm.durationMinutes, 60);
    assert.equal(fm.cycle, '1C1');
    assert.ok(fm.enrolled >= 1);
    assert.equal(fm.waiting, 0);
    assert.equal(fm.closed, false);
    assert.ok(!r.body.courses.some((c: { name: string }) => c.name === 'Chorale enfants'), 'no Limay course');
    assert.ok(!r.body.teachers.some((x: { lastName: string }) => x.lastName === 'Carrel'), 'no Limay teacher');
    assert.ok(!r.body.rooms.some((x: { name: string }) => x.name === 'Salle Poulenc'), 'no Limay room');
    const last = await desk.json(`/api/admin/courses?schoolYear=${encodeURIComponent(shiftSchoolYear(year, -1))}`);
    assert.equal(last.body.schoolYear, shiftSchoolYear(year, -1));
    assert.ok(last.body.courses.length > 0);
    assert.equal((await desk.json('/api/admin/courses?schoolYear=2026')).status, 422);
  });
});

describe('creating and editing a course', () => {
  test('created with the typed values, stamped and audited; shown in the list', async () => {
    const id = await createCourse(desk, { capacity: '12', cycle: '2C1' });
    const detail = await desk.json(`/api/admin/courses/${id}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.course.name, 'Atelier jazz');
    assert.equal(detail.body.course.weekday, 5);
    assert.equal(detail.body.course.capacity, 12);
    assert.equal(detail.body.course.teacher, 'Mme Claire Roussillon');
    assert.deepEqual(detail.body.students, []);
    assert.deepEqual(detail.body.waiting, []);
    const [row] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'course.created'), eq(auditLog.targetId, id)));
    assert.ok(row, 'audited');
    const list = await desk.json('/api/admin/courses');
    assert.equal(list.body.courses.filter((c: { id: string }) => c.id === id).length, 1);
  });

  test('every rule answers 422 by field with its code', async () => {
    const r = await desk.json('/api/admin/courses', {
      json: form({ name: ' ', departmentId: '', weekday: '8', startTime: '25:00', durationMinutes: '10', capacity: '0', schoolYear: '2026/2028' }),
    });
    assert.equal(r.status, 422);
    assert.deepEqual(Object.keys(r.body.error.fields).sort(), ['capacity', 'departmentId', 'durationMinutes', 'name', 'schoolYear', 'startTime', 'weekday']);
    assert.equal(r.body.error.fields.durationMinutes, 'La durée doit être un nombre entier de minutes entre 15 et 240.');
    assert.deepEqual(r.body.error.fieldCodes.durationMinutes, { code: 'courseDuration', params: { min: 15, max: 240 } });
    assert.deepEqual(r.body.error.fieldCodes.name, { code: 'required', params: { field: 'courseName' } });
    assert.deepEqual(r.body.error.fieldCodes.weekday, { code: 'weekday' });
    assert.deepEqual(r.body.error.fieldCodes.startTime, { code: 'startTime' });
    assert.deepEqual(r.body.error.fieldCodes.capacity, { code: 'capacity', params: { min: 1, max: 500 } });
    assert.equal((await desk.json('/api/admin/courses', { json: form({ durationMinutes: '241' }) })).status, 422);
    assert.equal((await desk.json('/api/admin/courses', { json: form({ durationMinutes: 240, weekday: 7, capacity: null }) })).status, 201);
  });

  test('another site’s department, teacher or room is 404', async () => {
    const limayLists = (await limay.json('/api/admin/courses')).body;
    assert.equal((await desk.json('/api/admin/courses', { json: form({ teacherId: limayLists.teachers[0].id }) })).status, 404);
    assert.equal((await desk.json('/api/admin/courses', { json: form({ roomId: limayLists.rooms[0].id }) })).status, 404);
    assert.equal((await desk.json('/api/admin/courses', { json: form({ departmentId: limayLists.departments[0].id }) })).status, 404);
  });

  test('PATCH edits (audited with old and new values); the year no longer changes once a student is enrolled', async () => {
    const id = await createCourse(desk);
    const r = await desk.json(`/api/admin/courses/${id}`, { method: 'PATCH', json: form({ name: 'Atelier jazz (ados)', startTime: '18:30' }) });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.changed.sort(), ['name', 'startTime']);
    assert.equal((await desk.json(`/api/admin/courses/${id}`)).body.course.startTime, '18:30');
    const [row] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'course.updated'), eq(auditLog.targetId, id)));
    assert.deepEqual((row.details as { changes: Record<string, unknown> }).changes.name, { from: 'Atelier jazz', to: 'Atelier jazz (ados)' });
    assert.equal((await desk.json(`/api/admin/courses/${id}`, { method: 'PATCH', json: form({ weekday: '0' }) })).status, 422);
    assert.equal((await enrol(desk, id, await studentId(desk, 'theo martin'))).status, 201);
    const moved = await desk.json(`/api/admin/courses/${id}`, { method: 'PATCH', json: form({ name: 'Atelier jazz (ados)', startTime: '18:30', schoolYear: shiftSchoolYear(year, 1) }) });
    assert.equal(moved.status, 409);
    assert.equal(moved.body.error.code, 'course_has_enrollments');
  });
});

describe('capacity and the waiting list', () => {
  test('filled to capacity, the next student waits; a withdrawal gives the place to the first waiting', async () => {
    const id = await createCourse(desk, { name: 'Petit chœur', capacity: '2' });
    const [lucie, hugo, manon, theo] = await Promise.all(['lucie lefevre', 'hugo lefevre', 'manon lefevre', 'theo martin'].map((q) => studentId(desk, q)));
    assert.deepEqual((await enrol(desk, id, lucie)).body.outcome, 'enrolled');
    assert.deepEqual((await enrol(desk, id, hugo)).body.outcome, 'enrolled');
    const waits = await enrol(desk, id, manon);
    assert.equal(waits.status, 201);
    assert.equal(waits.body.outcome, 'waiting');
    assert.equal(waits.body.position, 1);
    assert.equal((await enrol(desk, id, theo)).body.position, 2);

    const again = await enrol(desk, id, lucie);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'already_enrolled');
    assert.equal((await enrol(desk, id, manon)).body.error.code, 'already_waiting');

    let detail = (await desk.json(`/api/admin/courses/${id}`)).body;
    assert.deepEqual(detail.students.map((s: { firstName: string }) => s.firstName).sort(), ['Hugo', 'Lucie']);
    assert.equal(detail.students[0].familyName, 'Lefèvre');
    assert.deepEqual(detail.waiting.map((s: { firstName: string }) => s.firstName), ['Manon', 'Théo']);
    const listed = (await desk.json('/api/admin/courses')).body.courses.find((c: { id: string }) => c.id === id);
    assert.equal(listed.enrolled, 2);
    assert.equal(listed.waiting, 2);

    const out = await desk.json(`/api/admin/courses/${id}/enrollments/${hugo}`, { method: 'DELETE' });
    assert.equal(out.status, 200);
    assert.equal(out.body.withdrawn.firstName, 'Hugo');
    assert.equal(out.body.promoted.firstName, 'Manon');
    detail = (await desk.json(`/api/admin/courses/${id}`)).body;
    assert.deepEqual(detail.students.map((s: { firstName: string }) => s.firstName).sort(), ['Lucie', 'Manon']);
    assert.deepEqual(detail.waiting.map((s: { firstName: string }) => s.firstName), ['Théo']);
    const [hugoRow] = await t.db.select().from(enrollment).where(and(eq(enrollment.courseId, id), eq(enrollment.studentId, hugo)));
    assert.equal(hugoRow.active, false, 'the withdrawn enrollment stays, inactive');
    assert.equal((await desk.json(`/api/admin/courses/${id}/enrollments/${hugo}`, { method: 'DELETE' })).status, 404);

    // Hugo comes back: the course is full again, so he waits after Théo.
    assert.equal((await enrol(desk, id, hugo)).body.position, 2);
    const removed = await desk.json(`/api/admin/courses/${id}/waiting/${theo}`, { method: 'DELETE' });
    assert.equal(removed.status, 200);
    assert.equal(removed.body.removed.firstName, 'Théo');
    assert.equal((await desk.json(`/api/admin/courses/${id}/waiting/${theo}`, { method: 'DELETE' })).status, 404);

    // More places: the waiting list fills them at once (Hugo's earlier row becomes active again).
    const grown = await desk.json(`/api/admin/courses/${id}`, { method: 'PATCH', json: form({ name: 'Petit chœur', capacity: '3' }) });
    assert.deepEqual(grown.body.promoted.map((s: { firstName: string }) => s.firstName), ['Hugo']);
    const [again2] = await t.db.select().from(enrollment).where(and(eq(enrollment.courseId, id), eq(enrollment.studentId, hugo)));
    assert.equal(again2.active, true);
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    for (const a of ['course.enrollment.created', 'course.waiting_list.added', 'course.enrollment.withdrawn', 'course.enrollment.from_waiting_list', 'course.waiting_list.removed']) {
      assert.ok(actions.includes(a), `audited: ${a}`);
    }
  });

  test('a closed course takes nobody (409) and keeps its students; its waiting list no longer moves', async () => {
    const id = await createCourse(desk, { name: 'Cours clos', capacity: '1' });
    const [lucie, manon] = await Promise.all(['lucie lefevre', 'manon lefevre'].map((q) => studentId(desk, q)));
    await enrol(desk, id, lucie);
    assert.equal((await enrol(desk, id, manon)).body.outcome, 'waiting');
    const closed = await desk.json(`/api/admin/courses/${id}/close`, { method: 'POST' });
    assert.equal(closed.status, 200);
    assert.equal((await desk.json(`/api/admin/courses/${id}/close`, { method: 'POST' })).status, 200, 'closing again changes nothing');
    const refused = await enrol(desk, id, await studentId(desk, 'theo martin'));
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'course_closed');
    const out = await desk.json(`/api/admin/courses/${id}/enrollments/${lucie}`, { method: 'DELETE' });
    assert.equal(out.body.promoted, null);
    const detail = (await desk.json(`/api/admin/courses/${id}`)).body;
    assert.equal(detail.course.closed, true);
    assert.deepEqual(detail.students, []);
    assert.equal(detail.waiting.length, 1);
    const [row] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'course.closed'), eq(auditLog.targetId, id)));
    assert.ok(row);
  });
});

describe('GET /api/admin/students', () => {
  test('by name, accents and case ignored, of the site only; bounded', async () => {
    const r = await desk.json('/api/admin/students?q=LEFEVRE');
    assert.deepEqual(r.body.students.map((s: { firstName: string }) => s.firstName).sort(), ['Hugo', 'Lucie', 'Manon']);
    assert.equal(r.body.students[0].familyName, 'Lefèvre');
    assert.equal((await desk.json('/api/admin/students?q=')).body.total, 0);
    assert.equal((await limay.json('/api/admin/students?q=lefevre')).body.total, 0, 'Mantes’ students are not Limay’s');
    const long = await desk.json(`/api/admin/students?q=${'x'.repeat(61)}`);
    assert.equal(long.status, 422);
    const all = await desk.json('/api/admin/students?q=e');
    assert.ok(all.body.students.length <= 20);
  });
});

describe('site isolation and roles', () => {
  test('another site’s course or student is 404 on every route', async () => {
    const id = await createCourse(desk, { name: 'Cours de Mantes' });
    const lucie = await studentId(desk, 'lucie lefevre');
    const limayStudent = (await limay.json('/api/admin/students?q=a')).body.students[0].id as string;
    const limayCourse = (await limay.json('/api/admin/courses')).body.courses[0].id as string;
    const limayForm = (await limay.json('/api/admin/courses')).body;
    const theirs = {
      name: 'X', departmentId: limayForm.departments[0].id, teacherId: limayForm.teachers[0].id, roomId: limayForm.rooms[0].id,
      weekday: '1', startTime: '10:00', durationMinutes: '30', cycle: '', capacity: '', schoolYear: year,
    };
    assert.equal((await limay.json(`/api/admin/courses/${id}`)).status, 404);
    assert.equal((await limay.json(`/api/admin/courses/${id}`, { method: 'PATCH', json: theirs })).status, 404);
    assert.equal((await limay.json(`/api/admin/courses/${id}/close`, { method: 'POST' })).status, 404);
    assert.equal((await enrol(limay, id, limayStudent)).status, 404);
    assert.equal((await enrol(limay, limayCourse, lucie)).status, 404, 'a student of another site');
    assert.equal((await enrol(desk, id, limayStudent)).status, 404);
    assert.equal((await limay.json(`/api/admin/courses/${id}/enrollments/${lucie}`, { method: 'DELETE' })).status, 404);
    assert.equal((await limay.json(`/api/admin/courses/${id}/waiting/${lucie}`, { method: 'DELETE' })).status, 404);
    assert.equal((await desk.json(`/api/admin/courses/${id}`)).body.course.closed, false, 'nothing written');
  });

  test('families and teachers get 403, anonymous 401, on every route', async () => {
    const id = await createCourse(desk, { name: 'Cours gardé' });
    const lucie = await studentId(desk, 'lucie lefevre');
    const family = new TestClient(t.app);
    await family.signIn(...DEMO.family);
    const teacher = new TestClient(t.app);
    await teacher.signIn(...DEMO.teacher);
    const routes: Array<[string, { method?: string; json?: unknown }]> = [
      ['/api/admin/courses', {}],
      ['/api/admin/courses', { json: form() }],
      [`/api/admin/courses/${id}`, {}],
      [`/api/admin/courses/${id}`, { method: 'PATCH', json: form() }],
      [`/api/admin/courses/${id}/close`, { method: 'POST' }],
      [`/api/admin/courses/${id}/enrollments`, { json: { studentId: lucie } }],
      [`/api/admin/courses/${id}/enrollments/${lucie}`, { method: 'DELETE' }],
      [`/api/admin/courses/${id}/waiting/${lucie}`, { method: 'DELETE' }],
      ['/api/admin/students?q=lucie', {}],
    ];
    for (const [path, init] of routes) {
      assert.equal((await family.json(path, init)).status, 403, `family: ${init.method ?? 'GET'} ${path}`);
      assert.equal((await teacher.json(path, init)).status, 403, `teacher: ${init.method ?? 'GET'} ${path}`);
      assert.equal((await new TestClient(t.app).json(path, init)).status, 401, `anonymous: ${init.method ?? 'GET'} ${path}`);
    }
    const detail = (await desk.json(`/api/admin/courses/${id}`)).body;
    assert.deepEqual(detail.students, [], 'nothing enrolled');
    assert.equal(detail.course.closed, false);
  });
});

describe('the pulls see a new enrolment', () => {
  test('the family sees its child’s new course; the teacher sees the new student in their class; a withdrawal reaches both', async () => {
    const family = new TestClient(t.app);
    await family.signIn(...DEMO.family);
    const teacher = new TestClient(t.app);
    await teacher.signIn(...DEMO.teacher);
    const familyCursor = (await family.json('/api/sync?cursor=0')).body.cursor as number;
    const teacherCursor = (await teacher.json('/api/sync?cursor=0')).body.cursor as number;

    const id = await createCourse(desk, { name: 'Atelier voix', capacity: '10' });
    const lucie = await studentId(desk, 'lucie lefevre');
    assert.equal((await enrol(desk, id, lucie)).body.outcome, 'enrolled');

    const fam = (await family.json(`/api/sync?cursor=${familyCursor}`)).body;
    const famEnrollment = fam.changes.enrollments.find((e: { courseId: string }) => e.courseId === id);
    assert.equal(famEnrollment.studentId, lucie);
    assert.equal(famEnrollment.active, true);
    assert.equal(famEnrollment.schoolYear, year);
    assert.ok(fam.changes.courses.some((c: { id: string; name: string }) => c.id === id && c.name === 'Atelier voix'), 'the new course comes with it');

    const tea = (await teacher.json(`/api/sync?cursor=${teacherCursor}`)).body;
    assert.ok(tea.changes.enrollments.some((e: { courseId: string; studentId: string }) => e.courseId === id && e.studentId === lucie));
    assert.ok(tea.changes.courses.some((c: { id: string }) => c.id === id));
    const student = tea.changes.students.find((s: { id: string }) => s.id === lucie);
    assert.equal(student.firstName, 'Lucie');
    assert.equal(student.email, undefined, 'names only');

    // Another family's pull carries nothing of it.
    const martin = new TestClient(t.app);
    await martin.signIn(...DEMO.martin);
    const other = (await martin.json('/api/sync?cursor=0')).body;
    assert.ok(!(other.changes.courses ?? []).some((c: { id: string }) => c.id === id));

    await desk.json(`/api/admin/courses/${id}/enrollments/${lucie}`, { method: 'DELETE' });
    const famAfter = (await family.json(`/api/sync?cursor=${fam.cursor}`)).body;
    assert.equal(famAfter.changes.enrollments.find((e: { courseId: string }) => e.courseId === id).active, false);
    const teaAfter = (await teacher.json(`/api/sync?cursor=${tea.cursor}`)).body;
    assert.equal(teaAfter.changes.enrollments.find((e: { courseId: string }) => e.courseId === id).active, false);
  });
});
