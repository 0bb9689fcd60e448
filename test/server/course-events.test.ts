import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { COURSE_EVENT_MUTATIONS } from '../../shared/course-event.ts';
import type { PushResponse } from '../../shared/push-protocol.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { auditLog, course, courseEvent, enrollment, student, user } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
const year = schoolYearOf(new Date());
let teacherCourse: typeof course.$inferSelect;
let otherCourse: typeof course.$inferSelect;
let limayCourse: typeof course.$inferSelect;
const day = `${Number(year.slice(0, 4)) + 1}-03-14`;

before(async () => {
  t = await createTestApp();
  const [me] = await t.db.select({ teacherId: user.teacherId, siteId: user.siteId }).from(user).where(eq(user.username, DEMO.teacher[0]));
  const courses = await t.db.select().from(course).where(eq(course.schoolYear, year));
  teacherCourse = courses.find((c) => c.teacherId === me.teacherId && c.siteId === me.siteId)!;
  otherCourse = courses.find((c) => c.teacherId !== me.teacherId && c.siteId === me.siteId)!;
  limayCourse = courses.find((c) => c.siteId !== me.siteId)!;
  assert.ok(teacherCourse && otherCourse && limayCourse, 'the demo has these courses');
});
after(() => t.close());

async function signedIn(account: readonly [string, string], site?: string) {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1], site)).status, 200);
  return c;
}

const valid = { kind: 'audition', title: 'Audition de printemps', date: day, startTime: '17:30', durationMinutes: '60', place: 'Salle Ravel' };

/** Usernames of the families with a student actively in the course. */
async function familiesOf(courseId: string) {
  const rows = await t.db
    .select({ username: user.username })
    .from(enrollment)
    .innerJoin(student, eq(student.id, enrollment.studentId))
    .innerJoin(user, eq(user.familyId, student.familyId))
    .where(and(eq(enrollment.courseId, courseId), eq(enrollment.active, true)));
  return new Set(rows.map((r) => r.username));
}

describe('course events', () => {
  test('the shared schema refuses what is out of bounds, field by field', async () => {
    const desk = await signedIn(DEMO.secretariat);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'party' }, 'kind'],
      [{ title: 'x'.repeat(121) }, 'title'],
      [{ title: '  ' }, 'title'],
      [{ date: '2026-02-30' }, 'date'],
      [{ startTime: '25:00' }, 'startTime'],
      [{ durationMinutes: 0 }, 'durationMinutes'],
      [{ durationMinutes: 601 }, 'durationMinutes'],
      [{ place: 'p'.repeat(121) }, 'place'],
    ];
    for (const [patch, field] of cases) {
      const res = await desk.json<{ error: { fields: Record<string, string> } }>(`/api/admin/courses/${teacherCourse.id}/events`, { json: { ...valid, ...patch } });
      assert.equal(res.status, 422, JSON.stringify(patch));
      assert.ok(res.body.error.fields[field], `${field} named: ${JSON.stringify(res.body.error.fields)}`);
    }
    // Bounds themselves pass: 120 characters, 1 and 600 minutes, no time (a whole day), no place.
    for (const patch of [{ title: 't'.repeat(120), durationMinutes: 1 }, { durationMinutes: 600 }, { startTime: '', durationMinutes: '', place: '' }]) {
      assert.equal((await desk.request(`/api/admin/courses/${teacherCourse.id}/events`, { json: { ...valid, ...patch } })).status, 201, JSON.stringify(patch));
    }
  });

  test('the secretariat adds, corrects and cancels an event of its site; another site\'s course is 404', async () => {
    const desk = await signedIn(DEMO.secretariat);
    const made = await desk.json<{ event: typeof courseEvent.$inferSelect }>(`/api/admin/courses/${teacherCourse.id}/events`, { json: valid });
    assert.equal(made.status, 201);
    assert.equal(made.body.event.durationMinutes, 60);
    const cancelled = await desk.json<{ event: typeof courseEvent.$inferSelect }>(`/api/admin/courses/${teacherCourse.id}/events/${made.body.event.id}`, {
      method: 'PUT',
      json: { ...valid, title: 'Audition reportée', cancelled: true },
    });
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.event.cancelled, true);
    assert.ok(cancelled.body.event.version > made.body.event.version, 'a new version for the pulls');
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.targetId, made.body.event.id));
    assert.deepEqual(audits.map((a) => a.action).sort(), ['calendar.event.cancel', 'calendar.event.create']);
    const list = await desk.json<{ events: Array<{ id: string }> }>(`/api/admin/courses/${teacherCourse.id}/events`);
    assert.ok(list.body.events.some((e) => e.id === made.body.event.id));

    const limayDesk = await signedIn(DEMO.secretariatLimay, 'Limay');
    assert.equal((await limayDesk.request(`/api/admin/courses/${teacherCourse.id}/events`, { json: valid })).status, 404);
    assert.equal((await limayDesk.request(`/api/admin/courses/${teacherCourse.id}/events`)).status, 404);
    assert.equal((await limayDesk.request(`/api/admin/courses/${limayCourse.id}/events/${made.body.event.id}`, { method: 'PUT', json: { ...valid, cancelled: true } })).status, 404);
    assert.equal((await desk.request(`/api/admin/courses/${limayCourse.id}/events`, { json: valid })).status, 404);
    // An event id under another course of the same site is not found either.
    assert.equal((await desk.request(`/api/admin/courses/${otherCourse.id}/events/${made.body.event.id}`, { method: 'PUT', json: { ...valid, cancelled: true } })).status, 404);
    const family = await signedIn(DEMO.family);
    assert.equal((await family.request(`/api/admin/courses/${teacherCourse.id}/events`, { json: valid })).status, 403);
  });

  test('an event is pulled by the course\'s families and teacher, not by others', async () => {
    const desk = await signedIn(DEMO.secretariat);
    const made = await desk.json<{ event: { id: string } }>(`/api/admin/courses/${teacherCourse.id}/events`, { json: { ...valid, title: 'Examen de fin de cycle', kind: 'exam' } });
    const inCourse = await familiesOf(teacherCourse.id);
    const pulled = async (account: readonly [string, string], site?: string) => {
      const res = await (await signedIn(account, site)).json<PushResponse & { changes: { courseEvents?: Array<{ id: string }> } }>('/api/sync?cursor=0');
      return (res.body.changes.courseEvents ?? []).some((e) => e.id === made.body.event.id);
    };
    for (const account of [DEMO.family, DEMO.martin]) assert.equal(await pulled(account), inCourse.has(account[0]), account[0]);
    assert.ok(inCourse.size > 0);
    assert.equal(await pulled(DEMO.teacher), true);
    assert.equal(await pulled(DEMO.limay, 'Limay'), false);
  });

  test('the teacher adds an event to their own class through the push; not to another\'s', async () => {
    const c = await signedIn(DEMO.teacher);
    const clientId = crypto.randomUUID();
    const id = crypto.randomUUID();
    const mutation = (mutationId: number, args: Record<string, unknown>) => ({ mutationId, name: COURSE_EVENT_MUTATIONS.save, args });
    const first = await c.json<PushResponse>('/api/sync/push', { json: { clientId, mutations: [mutation(1, { ...valid, id, courseId: teacherCourse.id })] } });
    assert.deepEqual(first.body.results, [{ mutationId: 1, ok: true }]);
    const [row] = await t.db.select().from(courseEvent).where(eq(courseEvent.id, id));
    assert.equal(row.courseId, teacherCourse.id);
    assert.equal(row.title, valid.title);
    // Replayed: applied once.
    await c.json<PushResponse>('/api/sync/push', { json: { clientId, mutations: [mutation(1, { ...valid, id, courseId: teacherCourse.id })] } });
    assert.equal((await t.db.select().from(courseEvent).where(eq(courseEvent.id, id))).length, 1);
    assert.equal((await t.db.select().from(auditLog).where(eq(auditLog.targetId, id))).length, 1);

    const refused = await c.json<PushResponse>('/api/sync/push', {
      json: {
        clientId,
        mutations: [
          mutation(2, { ...valid, id: crypto.randomUUID(), courseId: otherCourse.id }),
          mutation(3, { ...valid, id: crypto.randomUUID(), courseId: teacherCourse.id, title: '' }),
        ],
      },
    });
    const errors = refused.body.results.map((r) => ('error' in r ? r.error?.code : 'ok'));
    assert.deepEqual(errors, ['not_found', 'validation']);

    // The secretariat's event cannot be overwritten under its id.
    const desk = await signedIn(DEMO.secretariat);
    const deskEvent = await desk.json<{ event: { id: string } }>(`/api/admin/courses/${teacherCourse.id}/events`, { json: valid });
    const overwrite = await c.json<PushResponse>('/api/sync/push', { json: { clientId, mutations: [mutation(4, { ...valid, id: deskEvent.body.event.id, courseId: teacherCourse.id, title: 'Pirate' })] } });
    assert.equal('error' in overwrite.body.results[0] ? overwrite.body.results[0].error?.code : 'ok', 'not_found');

    // A family cannot use the mutation.
    const family = await signedIn(DEMO.family);
    const familyPush = await family.json<PushResponse>('/api/sync/push', { json: { clientId: crypto.randomUUID(), mutations: [mutation(1, { ...valid, id: crypto.randomUUID(), courseId: teacherCourse.id })] } });
    assert.equal('error' in familyPush.body.results[0] ? familyPush.body.results[0].error?.code : 'ok', 'forbidden');
  });
});
