import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { schoolYearOf } from '../../shared/school-year.ts';
import { SYNC_TABLES, type PullResponse } from '../../shared/sync-protocol.ts';
import * as s from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const pulled = (body: PullResponse, table: (typeof SYNC_TABLES)[number]) => body.changes[table] ?? [];

async function pullAs(account: readonly [string, string], siteName = 'Mantes', cursor: string | number = 0) {
  const c = new TestClient(t.app);
  const signedIn = await c.signIn(account[0], account[1], siteName);
  assert.equal(signedIn.status, 200);
  const r = await c.json<PullResponse>(`/api/sync?cursor=${cursor}`);
  assert.equal(r.status, 200);
  return { c, body: r.body, user: signedIn.body.user };
}

/** Everything that belongs to the given families, by table, read straight from the database. */
async function ownedBy(familyIds: string[]) {
  const { db } = t;
  const students = ids(await db.select({ id: s.student.id }).from(s.student).where(inArray(s.student.familyId, familyIds)));
  const enrollments = await db.select().from(s.enrollment).where(inArray(s.enrollment.studentId, students));
  const enrollmentIds = ids(enrollments);
  const byEnrollment = async (table: typeof s.followUpNote | typeof s.evaluation | typeof s.absence) =>
    ids(await db.select({ id: table.id }).from(table).where(inArray(table.enrollmentId, enrollmentIds)));
  const byFamily = async (table: typeof s.invoice | typeof s.payment | typeof s.discount | typeof s.payfipAttempt | typeof s.document | typeof s.changeRequest) =>
    ids(await db.select({ id: table.id }).from(table).where(inArray(table.familyId, familyIds)));
  const invoices = await byFamily(s.invoice);
  const emails = (await db.select({ email: s.family.email }).from(s.family).where(inArray(s.family.id, familyIds))).map((r) => r.email);
  return {
    families: familyIds,
    students,
    enrollments: enrollmentIds,
    courseIds: sorted(enrollments.map((e) => e.courseId)),
    followUpNotes: await byEnrollment(s.followUpNote),
    evaluations: await byEnrollment(s.evaluation),
    absences: await byEnrollment(s.absence),
    repertoireEntries: ids(await db.select({ id: s.repertoireEntry.id }).from(s.repertoireEntry).where(inArray(s.repertoireEntry.studentId, students))),
    invoices,
    invoiceLines: ids(await db.select({ id: s.invoiceLine.id }).from(s.invoiceLine).where(inArray(s.invoiceLine.invoiceId, invoices))),
    payments: await byFamily(s.payment),
    discounts: await byFamily(s.discount),
    payfipAttempts: await byFamily(s.payfipAttempt),
    documents: await byFamily(s.document),
    changeRequests: await byFamily(s.changeRequest),
    emails,
  };
}

const OWNED_TABLES = [
  'families', 'students', 'enrollments', 'followUpNotes', 'evaluations', 'absences', 'repertoireEntries',
  'invoices', 'invoiceLines', 'payments', 'discounts', 'payfipAttempts', 'documents', 'changeRequests',
] as const;

/** A family's snapshot holds all of its records, and not one id (or e-mail) of another family. */
async function assertFamilySnapshot(body: PullResponse, familyId: string, siteId: string) {
  assert.equal(body.snapshot, true);
  assert.ok(body.cursor > 0);
  for (const name of Object.keys(body.changes)) assert.ok((SYNC_TABLES as readonly string[]).includes(name), name);

  const mine = await ownedBy([familyId]);
  const others = await t.db.select({ id: s.family.id }).from(s.family).where(ne(s.family.id, familyId));
  const theirs = await ownedBy(ids(others));
  const text = JSON.stringify(body);
  for (const table of OWNED_TABLES) {
    assert.deepEqual(sorted(ids(pulled(body, table))), sorted(mine[table]), `${table}: exactly the family's rows`);
    for (const id of theirs[table]) assert.ok(!text.includes(id), `${table} ${id} of another family leaks into the pull`);
  }
  for (const email of theirs.emails) assert.ok(!text.includes(email), `${email} leaks into the pull`);

  // Every row that names a family, a student, an enrollment or an invoice names one of this family's.
  for (const [table, rows] of Object.entries(body.changes)) {
    for (const row of rows ?? []) {
      if ('familyId' in row) assert.equal(row.familyId, familyId, `${table}.familyId`);
      if (row.studentId != null) assert.ok(mine.students.includes(row.studentId as string), `${table}.studentId`);
      if ('enrollmentId' in row) assert.ok(mine.enrollments.includes(row.enrollmentId as string), `${table}.enrollmentId`);
      if (row.invoiceId != null) assert.ok(mine.invoices.includes(row.invoiceId as string), `${table}.invoiceId`);
      if ('siteId' in row) assert.equal(row.siteId, siteId, `${table}.siteId`);
    }
  }
  assert.deepEqual(ids(pulled(body, 'sites')), [siteId]);

  // Courses only those the students are enrolled in; teachers, rooms, departments only theirs.
  const courses = pulled(body, 'courses');
  assert.deepEqual(sorted(ids(courses)), mine.courseIds);
  const catalogue = await t.db.select().from(s.course).where(inArray(s.course.id, mine.courseIds));
  assert.deepEqual(sorted(ids(pulled(body, 'teachers'))), sorted(catalogue.map((c) => c.teacherId!)));
  assert.deepEqual(sorted(ids(pulled(body, 'rooms'))), sorted(catalogue.map((c) => c.roomId!)));
  assert.deepEqual(sorted(ids(pulled(body, 'departments'))), sorted(catalogue.map((c) => c.departmentId)));
  const kinds = await t.db.select({ id: s.documentKind.id }).from(s.documentKind).where(eq(s.documentKind.siteId, siteId));
  assert.deepEqual(sorted(ids(pulled(body, 'documentKinds'))), sorted(ids(kinds)));
  return mine;
}

describe('a family’s pull', () => {
  test('famille.demo: a snapshot of its own family, three students and what hangs under them, nothing else', async () => {
    const { body, user } = await pullAs(DEMO.family);
    assert.equal(pulled(body, 'families').length, 1);
    assert.equal(pulled(body, 'families')[0].id, user.familyId);
    assert.equal(pulled(body, 'students').length, 3);
    const mine = await assertFamilySnapshot(body, user.familyId, user.siteId);
    // The demo family has something in each of these, so the checks above were not vacuous.
    for (const table of ['enrollments', 'followUpNotes', 'evaluations', 'absences', 'repertoireEntries', 'invoices', 'invoiceLines', 'payments', 'discounts', 'documents'] as const) {
      assert.ok(mine[table].length > 0, `famille.demo has ${table}`);
    }
    assert.deepEqual(body.deleted, {});
  });

  test('famille.martin sees none of famille.demo’s records, though they share a course', async () => {
    const { body, user } = await pullAs(DEMO.martin);
    assert.equal(pulled(body, 'families').length, 1);
    assert.equal(pulled(body, 'families')[0].id, user.familyId);
    assert.equal(pulled(body, 'students').length, 1);
    await assertFamilySnapshot(body, user.familyId, user.siteId);
    assert.ok(!JSON.stringify(body).includes('camille.lefevre@example.org'));
  });

  test('famille.limay sees only Limay', async () => {
    const { body, user } = await pullAs(DEMO.limay, 'Limay');
    await assertFamilySnapshot(body, user.familyId, user.siteId);
    for (const table of ['courses', 'teachers', 'rooms', 'departments'] as const) {
      for (const row of pulled(body, table)) assert.equal(row.siteId, user.siteId, `${table} of Limay`);
    }
  });
});

describe('a teacher’s pull', () => {
  test('their current-year courses, the students’ names only, no family or billing record', async () => {
    const { body, user } = await pullAs(DEMO.teacher);
    assert.equal(body.snapshot, true);
    const year = schoolYearOf(new Date());
    const own = await t.db
      .select()
      .from(s.course)
      .where(and(eq(s.course.teacherId, user.teacherId), eq(s.course.schoolYear, year)));
    assert.ok(own.length >= 3);
    assert.deepEqual(sorted(ids(pulled(body, 'courses'))), sorted(ids(own)));
    for (const c of pulled(body, 'courses')) {
      assert.equal(c.teacherId, user.teacherId);
      assert.equal(c.schoolYear, year);
    }
    assert.deepEqual(ids(pulled(body, 'teachers')), [user.teacherId]);

    const enrollments = await t.db.select().from(s.enrollment).where(inArray(s.enrollment.courseId, ids(own)));
    assert.deepEqual(sorted(ids(pulled(body, 'enrollments'))), sorted(ids(enrollments)));
    const students = pulled(body, 'students');
    assert.deepEqual(sorted(ids(students)), sorted(enrollments.map((e) => e.studentId)));
    for (const st of students) {
      assert.deepEqual(Object.keys(st).sort(), ['emergencyContacts', 'firstName', 'id', 'lastName', 'version'], 'names and emergency contacts only');
    }
    const text = JSON.stringify(body);
    for (const leak of ['camille.lefevre@example.org', '8 allée des Tilleuls', 'julien.martin@example.org']) {
      assert.ok(!text.includes(leak), `${leak} leaks into a teacher's pull`);
    }
    for (const table of ['families', 'invoices', 'invoiceLines', 'payments', 'discounts', 'payfipAttempts', 'documents', 'changeRequests', 'repertoireEntries'] as const) {
      assert.equal(body.changes[table], undefined, `no ${table}`);
    }
  });
});

describe('a secretariat’s pull', () => {
  test('its site only', async () => {
    const { body, user } = await pullAs(DEMO.secretariat);
    assert.equal(body.snapshot, true);
    assert.deepEqual(Object.keys(body.changes), ['sites']);
    assert.deepEqual(ids(pulled(body, 'sites')), [user.siteId]);
    const limay = await pullAs(DEMO.secretariatLimay, 'Limay');
    assert.deepEqual(ids(pulled(limay.body, 'sites')), [limay.user.siteId]);
    assert.notEqual(limay.user.siteId, user.siteId);
  });
});

describe('pull requests', () => {
  test('anonymous → 401', async () => {
    const r = await new TestClient(t.app).json('/api/sync?cursor=0');
    assert.equal(r.status, 401);
    assert.equal(r.body.error.code, 'unauthorized');
  });

  test('an invalid cursor → 422 naming the cursor', async () => {
    const c = new TestClient(t.app);
    await c.signIn(...DEMO.family);
    for (const cursor of ['-1', 'abc', '1.5']) {
      const r = await c.json(`/api/sync?cursor=${cursor}`);
      assert.equal(r.status, 422, cursor);
      assert.ok(r.body.error.fields.cursor, cursor);
    }
  });

  test('no cursor means a snapshot, and the answer is not cached', async () => {
    const c = new TestClient(t.app);
    await c.signIn(...DEMO.family);
    const res = await c.request('/api/sync');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = (await res.json()) as PullResponse;
    assert.equal(body.snapshot, true);
    assert.equal(pulled(body, 'students').length, 3);
  });
});
