import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { schoolYearOf } from '../../shared/school-year.ts';
import type { PullResponse } from '../../shared/sync-protocol.ts';
import * as s from '../../server/db/schema/index.ts';
import { nextVersion } from '../../server/db/versioning.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

/**
 * What the pedagogy screens need from a pull, beyond test/server/pull.test.ts (which checks that a
 * snapshot holds exactly the family's rows): the fields the screens read, with their types; the
 * history (earlier years) and its courses; every note's teacher resolvable offline; and, for each
 * pedagogical record kind, that a new row, an edit and a deletion under famille.martin never reach
 * famille.demo (and the reverse).
 */

let t: TestApp;
let demo: TestClient;
let martin: TestClient;
let demoFamilyId: string;
let martinFamilyId: string;
let snapshot: PullResponse;
const year = schoolYearOf(new Date());

before(async () => {
  t = await createTestApp();
  demo = new TestClient(t.app);
  martin = new TestClient(t.app);
  demoFamilyId = (await demo.signIn(...DEMO.family)).body.user.familyId;
  martinFamilyId = (await martin.signIn(...DEMO.martin)).body.user.familyId;
  snapshot = await pull(demo, 0);
});
after(() => t.close());

async function pull(c: TestClient, cursor: number): Promise<PullResponse> {
  const r = await c.json<PullResponse>(`/api/sync?cursor=${cursor}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

const rowsOf = (body: PullResponse, table: keyof PullResponse['changes']) => body.changes[table] ?? [];
const idsOf = (body: PullResponse, table: keyof PullResponse['changes']) => rowsOf(body, table).map((r) => r.id).sort();

/** Asserts each row has the listed fields with the listed JS types ('string?' allows null). */
function assertShape(table: string, rows: Array<Record<string, unknown>>, shape: Record<string, string>) {
  assert.ok(rows.length > 0, `${table}: rows to check`);
  for (const row of rows) {
    for (const [field, type] of Object.entries(shape)) {
      const value = row[field];
      const optional = type.endsWith('?');
      const base = type.replace('?', '');
      if (optional && value === null) continue;
      assert.equal(typeof value, base, `${table}.${field} is ${base} (got ${JSON.stringify(value)})`);
    }
  }
}

async function studentOf(familyId: string, firstName?: string) {
  const rows = await t.db.select().from(s.student).where(eq(s.student.familyId, familyId));
  return firstName ? rows.find((r) => r.firstName === firstName)! : rows[0];
}

async function currentEnrollmentOf(studentId: string) {
  const [row] = await t.db.select().from(s.enrollment).where(and(eq(s.enrollment.studentId, studentId), eq(s.enrollment.schoolYear, year)));
  return row;
}

describe('a family’s pull carries what the pedagogy screens read', () => {
  test('every pedagogical kind has the fields of client/data/records.ts, booleans as booleans', () => {
    assertShape('courses', rowsOf(snapshot, 'courses'), {
      id: 'string', schoolYear: 'string', name: 'string', departmentId: 'string', teacherId: 'string?', roomId: 'string?',
      cycle: 'string', weekday: 'number?', startTime: 'string?', durationMinutes: 'number?', version: 'number',
    });
    assertShape('enrollments', rowsOf(snapshot, 'enrollments'), { studentId: 'string', courseId: 'string', schoolYear: 'string', active: 'boolean', yearComment: 'string' });
    assertShape('followUpNotes', rowsOf(snapshot, 'followUpNotes'), { enrollmentId: 'string', date: 'string', teacherId: 'string?', text: 'string' });
    assertShape('evaluations', rowsOf(snapshot, 'evaluations'), { enrollmentId: 'string', date: 'string', kind: 'string', mark: 'string', appreciation: 'string', comment: 'string' });
    assertShape('absences', rowsOf(snapshot, 'absences'), { enrollmentId: 'string', date: 'string', excused: 'boolean', reason: 'string' });
    assertShape('repertoireEntries', rowsOf(snapshot, 'repertoireEntries'), {
      studentId: 'string', date: 'string', eventLabel: 'string', eventKind: 'string', piece: 'string', composer: 'string', durationMinutes: 'number?', comments: 'string',
    });
    assertShape('teachers', rowsOf(snapshot, 'teachers'), { civility: 'string', firstName: 'string', lastName: 'string' });
    assertShape('rooms', rowsOf(snapshot, 'rooms'), { name: 'string', building: 'string' });
    assertShape('departments', rowsOf(snapshot, 'departments'), { name: 'string' });
    for (const table of ['followUpNotes', 'evaluations', 'absences', 'repertoireEntries'] as const) {
      for (const row of rowsOf(snapshot, table)) assert.match(row.date as string, /^\d{4}-\d{2}-\d{2}$/, `${table}.date is an ISO day`);
    }
  });

  test('the history: earlier years’ enrollments with their own courses, evaluations and year comments', async () => {
    const enrollments = rowsOf(snapshot, 'enrollments');
    const earlier = enrollments.filter((e) => (e.schoolYear as string) < year);
    assert.ok(earlier.length >= 6, 'several earlier-year enrollments');
    assert.ok(new Set(earlier.map((e) => e.schoolYear)).size >= 3, 'three earlier years');
    const courses = new Map(rowsOf(snapshot, 'courses').map((c) => [c.id, c]));
    for (const e of enrollments) {
      const course = courses.get(e.courseId as string);
      assert.ok(course, `the course of enrollment ${e.id} is in the pull`);
      assert.equal(course.schoolYear, e.schoolYear, 'an enrollment’s course is of its school year');
    }
    const earlierIds = new Set(earlier.map((e) => e.id));
    assert.ok(rowsOf(snapshot, 'evaluations').some((v) => earlierIds.has(v.enrollmentId as string)), 'history evaluations');
    assert.ok(earlier.some((e) => (e.yearComment as string).length > 0), 'end-of-year comments');
    // Each current-year course the screens list has a timetable.
    const current = enrollments.filter((e) => e.schoolYear === year).map((e) => courses.get(e.courseId as string)!);
    assert.ok(current.length >= 7);
    for (const c of current) assert.ok(c.weekday && c.startTime && c.durationMinutes, `${c.name} has day, start and duration`);
  });

  test('every teacher, room and department a course, note or evaluation names is in the pull (readable offline)', () => {
    const teachers = new Set(idsOf(snapshot, 'teachers'));
    const rooms = new Set(idsOf(snapshot, 'rooms'));
    const departments = new Set(idsOf(snapshot, 'departments'));
    for (const c of rowsOf(snapshot, 'courses')) {
      if (c.teacherId) assert.ok(teachers.has(c.teacherId as string), `teacher of ${c.name}`);
      if (c.roomId) assert.ok(rooms.has(c.roomId as string), `room of ${c.name}`);
      assert.ok(departments.has(c.departmentId as string), `department of ${c.name}`);
    }
    for (const table of ['followUpNotes', 'evaluations'] as const) {
      for (const row of rowsOf(snapshot, table)) {
        if (row.teacherId) assert.ok(teachers.has(row.teacherId as string), `${table} ${row.id}: its teacher is known`);
      }
    }
  });

  test('famille.martin’s snapshot: Théo’s note, evaluation and absence, no repertoire, nothing of Hugo in the shared chorale', async () => {
    const body = await pull(martin, 0);
    const theo = await studentOf(martinFamilyId);
    const theoEnrollments = (await t.db.select().from(s.enrollment).where(eq(s.enrollment.studentId, theo.id))).map((e) => e.id).sort();
    assert.deepEqual(idsOf(body, 'enrollments'), theoEnrollments);
    for (const table of ['followUpNotes', 'evaluations', 'absences'] as const) {
      assert.equal(rowsOf(body, table).length, 1, `one ${table} row for Théo`);
      assert.ok(theoEnrollments.includes(rowsOf(body, table)[0].enrollmentId as string));
    }
    assert.equal(body.changes.repertoireEntries, undefined);
    // The chorale is shared with Hugo: the course comes, Hugo's enrollment and its rows do not.
    const hugo = await studentOf(demoFamilyId, 'Hugo');
    const hugoRows = await t.db.select().from(s.enrollment).where(eq(s.enrollment.studentId, hugo.id));
    const shared = hugoRows.find((e) => idsOf(body, 'courses').includes(e.courseId));
    assert.ok(shared, 'a course shared by Hugo and Théo');
    const text = JSON.stringify(body);
    for (const e of hugoRows) assert.ok(!text.includes(e.id), `Hugo's enrollment ${e.id} leaks`);
    assert.ok(!text.includes(hugo.id));
  });
});

describe('pedagogical changes reach their family only', () => {
  let demoCursor: number;
  let martinCursor: number;
  before(async () => {
    demoCursor = snapshot.cursor;
    martinCursor = (await pull(martin, 0)).cursor;
  });

  test('new rows of every kind under Théo reach famille.martin, not famille.demo; and the reverse', async () => {
    const theo = await studentOf(martinFamilyId);
    const hugo = await studentOf(demoFamilyId, 'Hugo');
    const created: Record<'martin' | 'demo', Record<string, string>> = { martin: {}, demo: {} };
    for (const [who, student] of [['martin', theo], ['demo', hugo]] as const) {
      const enrollment = await currentEnrollmentOf(student.id);
      const [teacher] = await t.db.select().from(s.teacher).limit(1);
      const version = await nextVersion(t.db);
      await t.db.transaction(async (tx) => {
        const [note] = await tx.insert(s.followUpNote).values({ enrollmentId: enrollment.id, date: '2026-12-01', teacherId: teacher.id, text: `note ${who}`, version }).returning();
        const [evaluation] = await tx.insert(s.evaluation).values({ enrollmentId: enrollment.id, date: '2026-12-01', kind: 'Contrôle continu', mark: '12/20', version }).returning();
        const [absence] = await tx.insert(s.absence).values({ enrollmentId: enrollment.id, date: '2026-12-02', excused: false, version }).returning();
        const [entry] = await tx.insert(s.repertoireEntry).values({ studentId: student.id, date: '2026-12-03', eventLabel: `Audition ${who}`, piece: 'Gymnopédie n° 1', composer: 'Erik Satie', version }).returning();
        await tx.update(s.enrollment).set({ yearComment: `commentaire ${who}`, version }).where(eq(s.enrollment.id, enrollment.id));
        created[who] = { followUpNotes: note.id, evaluations: evaluation.id, absences: absence.id, repertoireEntries: entry.id, enrollments: enrollment.id };
      });
    }

    const demoBody = await pull(demo, demoCursor);
    const martinBody = await pull(martin, martinCursor);
    for (const table of ['followUpNotes', 'evaluations', 'absences', 'repertoireEntries', 'enrollments'] as const) {
      assert.deepEqual(idsOf(demoBody, table), [created.demo[table]], `famille.demo gets its own new ${table} only`);
      assert.deepEqual(idsOf(martinBody, table), [created.martin[table]], `famille.martin gets its own new ${table} only`);
    }
    assert.ok(!JSON.stringify(demoBody).includes('martin'));
    assert.ok(!JSON.stringify(martinBody).includes('demo'));
    assert.equal(rowsOf(demoBody, 'enrollments')[0].yearComment, 'commentaire demo');
    demoCursor = demoBody.cursor;
    martinCursor = martinBody.cursor;
  });

  test('a deletion of every kind is told to the owning family only', async () => {
    const [mantes] = await t.db.select().from(s.site).where(eq(s.site.name, 'Mantes'));
    const deleted: Record<'demo' | 'martin', Record<string, string>> = { demo: {}, martin: {} };
    for (const [who, familyId] of [['martin', martinFamilyId], ['demo', demoFamilyId]] as const) {
      const student = await studentOf(familyId, who === 'demo' ? 'Hugo' : undefined);
      const enrollmentIds = (await t.db.select().from(s.enrollment).where(eq(s.enrollment.studentId, student.id))).map((e) => e.id);
      const pick = async (table: typeof s.followUpNote | typeof s.evaluation | typeof s.absence) =>
        (await t.db.select().from(table).where(inArray(table.enrollmentId, enrollmentIds)).limit(1))[0].id;
      const rows = {
        follow_up_note: [s.followUpNote, await pick(s.followUpNote)],
        evaluation: [s.evaluation, await pick(s.evaluation)],
        absence: [s.absence, await pick(s.absence)],
        repertoire_entry: [s.repertoireEntry, (await t.db.select().from(s.repertoireEntry).where(eq(s.repertoireEntry.studentId, student.id)).limit(1))[0].id],
      } as const;
      const version = await nextVersion(t.db);
      await t.db.transaction(async (tx) => {
        for (const [tableName, [table, id]] of Object.entries(rows)) {
          await tx.delete(table).where(eq(table.id, id));
          await tx.insert(s.tombstone).values({ tableName, rowId: id, familyId, siteId: mantes.id, version });
        }
      });
      deleted[who] = {
        followUpNotes: rows.follow_up_note[1], evaluations: rows.evaluation[1], absences: rows.absence[1], repertoireEntries: rows.repertoire_entry[1],
      };
    }
    const demoBody = await pull(demo, demoCursor);
    const martinBody = await pull(martin, martinCursor);
    for (const table of ['followUpNotes', 'evaluations', 'absences', 'repertoireEntries'] as const) {
      assert.deepEqual(demoBody.deleted[table], [deleted.demo[table]], `famille.demo told of its ${table} deletion only`);
      assert.deepEqual(martinBody.deleted[table], [deleted.martin[table]], `famille.martin told of its ${table} deletion only`);
    }
    assert.deepEqual(demoBody.changes, {});
    assert.deepEqual(martinBody.changes, {});
  });
});
