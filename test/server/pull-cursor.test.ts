import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { schoolYearOf } from '../../shared/school-year.ts';
import type { PullResponse } from '../../shared/sync-protocol.ts';
import * as s from '../../server/db/schema/index.ts';
import { currentVersion, nextVersion } from '../../server/db/versioning.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let demo: TestClient;
let martin: TestClient;
let demoFamilyId: string;
let martinFamilyId: string;
let cursor: number;

before(async () => {
  t = await createTestApp();
  demo = new TestClient(t.app);
  martin = new TestClient(t.app);
  demoFamilyId = (await demo.signIn(...DEMO.family)).body.user.familyId;
  martinFamilyId = (await martin.signIn(...DEMO.martin)).body.user.familyId;
  assert.ok(demoFamilyId && martinFamilyId);
  const snapshot = await pull(demo, 0);
  assert.equal(snapshot.snapshot, true);
  cursor = snapshot.cursor;
});
after(() => t.close());

async function pull(c: TestClient, from: number): Promise<PullResponse> {
  const r = await c.json<PullResponse>(`/api/sync?cursor=${from}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

/** The demo family's next pull from the shared cursor, which it then moves on. */
async function nextDemoPull(): Promise<PullResponse> {
  const body = await pull(demo, cursor);
  assert.equal(body.snapshot, false);
  assert.ok(body.cursor >= cursor, 'the cursor never goes back');
  cursor = body.cursor;
  return body;
}

async function absenceOf(familyId: string) {
  const [row] = await t.db
    .select({ id: s.absence.id })
    .from(s.absence)
    .innerJoin(s.enrollment, eq(s.enrollment.id, s.absence.enrollmentId))
    .innerJoin(s.student, eq(s.student.id, s.enrollment.studentId))
    .where(eq(s.student.familyId, familyId));
  assert.ok(row, `an absence of family ${familyId}`);
  return row.id;
}

describe('pull with a cursor', () => {
  test('the snapshot’s cursor is the change counter', async () => {
    assert.equal(cursor, await currentVersion(t.db));
  });

  test('nothing changed → an empty answer with the same cursor', async () => {
    const body = await nextDemoPull();
    assert.deepEqual(body.changes, {});
    assert.deepEqual(body.deleted, {});
    assert.equal(body.cursor, cursor);
  });

  test('a change to the family → exactly that row', async () => {
    const version = await nextVersion(t.db);
    await t.db.update(s.family).set({ city: 'Mantes-la-Ville', version }).where(eq(s.family.id, demoFamilyId));
    const body = await nextDemoPull();
    assert.equal(body.cursor, version);
    assert.deepEqual(Object.keys(body.changes), ['families']);
    assert.equal(body.changes.families!.length, 1);
    assert.equal(body.changes.families![0].id, demoFamilyId);
    assert.equal(body.changes.families![0].city, 'Mantes-la-Ville');
    assert.equal(body.changes.families![0].version, version);
    assert.deepEqual(body.deleted, {});
    assert.deepEqual((await nextDemoPull()).changes, {}, 'and not again');
  });

  test('a change to another family → nothing for famille.demo, the change for famille.martin', async () => {
    const martinCursor = (await pull(martin, 0)).cursor;
    const version = await nextVersion(t.db);
    await t.db.update(s.family).set({ city: 'Limay', version }).where(eq(s.family.id, martinFamilyId));
    const [theo] = await t.db.select().from(s.student).where(eq(s.student.familyId, martinFamilyId));
    const v2 = await nextVersion(t.db);
    await t.db.update(s.student).set({ school: 'Collège des Coteaux', version: v2 }).where(eq(s.student.id, theo.id));

    const body = await nextDemoPull();
    assert.deepEqual(body.changes, {});
    assert.deepEqual(body.deleted, {});
    assert.equal(body.cursor, v2, 'the cursor still moves on');

    const theirs = await pull(martin, martinCursor);
    assert.deepEqual(Object.keys(theirs.changes).sort(), ['families', 'students']);
    assert.equal(theirs.changes.students![0].id, theo.id);
  });

  test('a deleted absence comes back as a tombstone; another family’s does not', async () => {
    const mine = await absenceOf(demoFamilyId);
    const theirs = await absenceOf(martinFamilyId);
    const [mantes] = await t.db.select().from(s.site).where(eq(s.site.name, 'Mantes'));
    for (const [id, familyId] of [[mine, demoFamilyId], [theirs, martinFamilyId]]) {
      const version = await nextVersion(t.db);
      await t.db.transaction(async (tx) => {
        await tx.delete(s.absence).where(eq(s.absence.id, id));
        // Both families are on Mantes: the site alone must not decide who is told.
        await tx.insert(s.tombstone).values({ tableName: 'absence', rowId: id, familyId, siteId: mantes.id, version });
      });
    }
    const body = await nextDemoPull();
    assert.deepEqual(body.deleted, { absences: [mine] });
    assert.deepEqual(body.changes, {});
    assert.ok(!JSON.stringify(body).includes(theirs));
    assert.deepEqual((await nextDemoPull()).deleted, {}, 'a tombstone is sent once');
  });

  test('a teacher is told of deleted absences, never of a family’s replaced document; the secretariat of neither', async () => {
    const teacher = new TestClient(t.app);
    const secretariat = new TestClient(t.app);
    assert.equal((await teacher.signIn(...DEMO.teacher)).status, 200);
    assert.equal((await secretariat.signIn(...DEMO.secretariat)).status, 200);
    const from = (await pull(teacher, 0)).cursor;
    const [mantes] = await t.db.select().from(s.site).where(eq(s.site.name, 'Mantes'));
    const version = await nextVersion(t.db);
    await t.db.insert(s.tombstone).values([
      { tableName: 'document', rowId: 'doc-of-a-family', familyId: martinFamilyId, siteId: mantes.id, version },
      { tableName: 'absence', rowId: 'absence-gone', familyId: martinFamilyId, siteId: mantes.id, version },
    ]);
    assert.deepEqual((await pull(teacher, from)).deleted, { absences: ['absence-gone'] });
    assert.deepEqual((await pull(secretariat, from)).deleted, {});
    const body = await nextDemoPull();
    assert.deepEqual(body.deleted, {}, 'another family’s deletions are not the demo family’s');
  });

  test('a snapshot after the deletion no longer holds the absence, and has no tombstones', async () => {
    const body = await pull(demo, 0);
    assert.equal(body.snapshot, true);
    assert.deepEqual(body.deleted, {});
    const absences = (body.changes.absences ?? []).map((a) => a.id);
    const [deleted] = await t.db.select().from(s.tombstone).where(eq(s.tombstone.familyId, demoFamilyId));
    assert.ok(deleted);
    assert.ok(!absences.includes(deleted.rowId));
  });

  test('a new enrollment brings its course, teacher, room and department, though older than the cursor', async () => {
    const [mantes] = await t.db.select().from(s.site).where(eq(s.site.name, 'Mantes'));
    const [danse] = await t.db
      .select()
      .from(s.course)
      .where(and(eq(s.course.siteId, mantes.id), eq(s.course.name, 'Danse contemporaine 1C3'), eq(s.course.schoolYear, schoolYearOf(new Date()))));
    assert.ok(danse.version < cursor, 'the course existed before the cursor');
    const [lucie] = await t.db
      .select()
      .from(s.student)
      .where(and(eq(s.student.familyId, demoFamilyId), eq(s.student.firstName, 'Lucie')));

    // Nothing of that course is known to the family yet.
    const before = await pull(demo, 0);
    const knownIds = JSON.stringify(before.changes);
    for (const id of [danse.id, danse.teacherId!, danse.roomId!, danse.departmentId]) assert.ok(!knownIds.includes(id));

    const version = await nextVersion(t.db);
    const [added] = await t.db
      .insert(s.enrollment)
      .values({ studentId: lucie.id, courseId: danse.id, schoolYear: danse.schoolYear, version })
      .returning();
    const body = await nextDemoPull();
    assert.deepEqual(Object.keys(body.changes).sort(), ['courses', 'departments', 'enrollments', 'rooms', 'teachers']);
    assert.deepEqual(body.changes.enrollments!.map((e) => e.id), [added.id]);
    assert.deepEqual(body.changes.courses!.map((c) => c.id), [danse.id]);
    assert.deepEqual(body.changes.teachers!.map((r) => r.id), [danse.teacherId]);
    assert.deepEqual(body.changes.rooms!.map((r) => r.id), [danse.roomId]);
    assert.deepEqual(body.changes.departments!.map((r) => r.id), [danse.departmentId]);

    // famille.martin is not told about it.
    const martinNow = await pull(martin, version - 1);
    assert.deepEqual(martinNow.changes, {});
  });

  test('a change to a course the family follows reaches it; one it does not follow does not', async () => {
    const enrolled = await t.db
      .select({ courseId: s.enrollment.courseId })
      .from(s.enrollment)
      .innerJoin(s.student, eq(s.student.id, s.enrollment.studentId))
      .where(eq(s.student.familyId, demoFamilyId));
    const followed = enrolled[0].courseId;
    const [notFollowed] = await t.db
      .select()
      .from(s.course)
      .where(and(eq(s.course.name, 'Guitare 1C3'), eq(s.course.schoolYear, schoolYearOf(new Date()))));
    assert.ok(!enrolled.some((e) => e.courseId === notFollowed.id));
    for (const id of [followed, notFollowed.id]) {
      const version = await nextVersion(t.db);
      await t.db.update(s.course).set({ startTime: '09:00', version }).where(inArray(s.course.id, [id]));
    }
    const body = await nextDemoPull();
    assert.deepEqual(Object.keys(body.changes), ['courses']);
    assert.deepEqual(body.changes.courses!.map((c) => c.id), [followed]);
  });
});
