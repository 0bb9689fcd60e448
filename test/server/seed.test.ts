import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Client } from '@libsql/client';
import { verifyPassword } from 'better-auth/crypto';
import { eq, inArray } from 'drizzle-orm';
import { openDatabase, type Db } from '../../server/db/client.ts';
import { account, course, discount, enrollment, family, invoice, payment, site, student, user } from '../../server/db/schema/index.ts';
import { DEMO_PASSWORDS, isEmpty, seedDemo } from '../../server/db/seed/demo.ts';

const file = join(tmpdir(), `portee-seed-${randomUUID()}.db`);
const CURRENT = '2026/2027';
const EARLIER = ['2025/2026', '2024/2025', '2023/2024'];

let db: Db;
let client: Client;
let emptyBeforeSeeding: boolean;

before(async () => {
  ({ db, client } = await openDatabase('file:' + file));
  emptyBeforeSeeding = await isEmpty(db);
  await seedDemo(db, { now: new Date('2026-11-28T12:00:00Z') });
});

after(() => {
  client.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
});

async function userByName(username: string) {
  const [row] = await db
    .select({ id: user.id, role: user.role, site: site.name, familyId: user.familyId, teacherId: user.teacherId, email: user.email })
    .from(user)
    .innerJoin(site, eq(site.id, user.siteId))
    .where(eq(user.username, username));
  assert.ok(row, `user ${username} exists`);
  return row;
}

async function demoFamilyStudentIds(): Promise<string[]> {
  const { familyId } = await userByName('famille.demo');
  const rows = await db.select({ id: student.id }).from(student).where(eq(student.familyId, familyId!));
  return rows.map((r) => r.id);
}

test('isEmpty is true before seeding and false after', async () => {
  assert.equal(emptyBeforeSeeding, true);
  assert.equal(await isEmpty(db), false);
});

test('the demo accounts exist with their roles and sites', async () => {
  const expected: Array<[string, string, string]> = [
    ['famille.demo', 'family', 'Mantes'],
    ['famille.martin', 'family', 'Mantes'],
    ['secretariat.demo', 'secretariat', 'Mantes'],
    ['enseignant.demo', 'teacher', 'Mantes'],
    ['famille.limay', 'family', 'Limay'],
    ['secretariat.limay', 'secretariat', 'Limay'],
  ];
  for (const [username, role, siteName] of expected) {
    const u = await userByName(username);
    assert.equal(u.role, role, username);
    assert.equal(u.site, siteName, username);
    if (role === 'family') assert.ok(u.familyId, `${username} acts for a family`);
    if (role === 'teacher') assert.ok(u.teacherId, `${username} is a teacher`);
    if (role === 'secretariat') assert.equal(u.familyId, null);
  }
  const emails = (await db.select({ email: user.email }).from(user)).map((r) => r.email);
  assert.equal(new Set(emails).size, emails.length, 'emails are unique');
});

test('the demo passwords are stored as credential hashes', async () => {
  const { id } = await userByName('famille.demo');
  const [cred] = await db.select().from(account).where(eq(account.userId, id));
  assert.equal(cred.providerId, 'credential');
  assert.equal(cred.accountId, id);
  assert.equal(await verifyPassword({ hash: cred.password!, password: DEMO_PASSWORDS.family }), true);
});

test('famille.demo has three students born in different years', async () => {
  const { familyId } = await userByName('famille.demo');
  const rows = await db.select().from(student).where(eq(student.familyId, familyId!));
  assert.equal(rows.length, 3);
  assert.equal(new Set(rows.map((s) => s.birthDate.slice(0, 4))).size, 3);
  assert.equal(rows.filter((s) => !s.useFamilyContact).length, 1, 'the eldest has their own contact details');
});

test('exactly one famille.demo invoice is unpaid; every other invoice is settled', async () => {
  const { familyId } = await userByName('famille.demo');
  const invoices = await db.select().from(invoice);
  const payments = await db.select().from(payment);
  const discounts = await db.select().from(discount);
  const settled = (invoiceId: string) =>
    [...payments, ...discounts].filter((p) => p.invoiceId === invoiceId).reduce((sum, p) => sum + p.amountCents, 0);

  const unpaid = invoices.filter((i) => settled(i.id) < i.amountCents);
  assert.equal(unpaid.length, 1);
  assert.equal(unpaid[0].familyId, familyId);
  assert.equal(unpaid[0].schoolYear, CURRENT);
  assert.equal(settled(unpaid[0].id), 0, 'the unpaid invoice is due in full');
  for (const i of invoices) {
    if (i !== unpaid[0]) assert.equal(settled(i.id), i.amountCents, `${i.number} is settled`);
    assert.match(i.number, /^FACT\d{8,9}$/);
  }
  const demoYears = new Set(invoices.filter((i) => i.familyId === familyId).map((i) => i.schoolYear));
  assert.deepEqual([...demoYears].sort(), ['2025/2026', CURRENT]);
});

test('every current famille.demo enrollment refers to a current course', async () => {
  const rows = await db
    .select({ enrollmentYear: enrollment.schoolYear, courseYear: course.schoolYear })
    .from(enrollment)
    .innerJoin(course, eq(course.id, enrollment.courseId))
    .where(inArray(enrollment.studentId, await demoFamilyStudentIds()));
  const current = rows.filter((r) => r.enrollmentYear === CURRENT);
  assert.ok(current.length >= 6);
  for (const r of rows) assert.equal(r.courseYear, r.enrollmentYear);
});

test('enseignant.demo teaches at least two current courses with famille.demo students, and one without', async () => {
  const { teacherId } = await userByName('enseignant.demo');
  const studentIds = await demoFamilyStudentIds();
  const courses = await db.select().from(course).where(eq(course.teacherId, teacherId!));
  const current = courses.filter((c) => c.schoolYear === CURRENT);
  const enrolled = await db.select().from(enrollment).where(inArray(enrollment.courseId, current.map((c) => c.id)));
  const withDemo = current.filter((c) => enrolled.some((e) => e.courseId === c.id && studentIds.includes(e.studentId)));
  assert.ok(withDemo.length >= 2, `courses with demo students: ${withDemo.map((c) => c.name)}`);
  assert.ok(withDemo.length < current.length, 'one course has no demo-family student');
});

test('famille.martin shares a current course with famille.demo', async () => {
  const { familyId } = await userByName('famille.martin');
  const martinIds = (await db.select({ id: student.id }).from(student).where(eq(student.familyId, familyId!))).map((r) => r.id);
  const demo = await db.select().from(enrollment).where(inArray(enrollment.studentId, await demoFamilyStudentIds()));
  const martin = await db.select().from(enrollment).where(inArray(enrollment.studentId, martinIds));
  assert.ok(martin.length >= 2);
  assert.ok(martin.some((m) => demo.some((d) => d.courseId === m.courseId)));
});

test('history covers the three earlier school years', async () => {
  const demo = await db.select().from(enrollment).where(inArray(enrollment.studentId, await demoFamilyStudentIds()));
  const courseYears = new Set((await db.select({ y: course.schoolYear }).from(course)).map((r) => r.y));
  for (const year of EARLIER) {
    assert.ok(courseYears.has(year), `courses in ${year}`);
    const ofYear = demo.filter((e) => e.schoolYear === year);
    assert.ok(ofYear.length >= 2, `enrollments in ${year}`);
    assert.ok(ofYear.every((e) => e.yearComment.length > 0), `end-of-year comments in ${year}`);
  }
});

test('every seeded row carries the same version', async () => {
  const versions = new Set<number>();
  for (const table of [site, family, student, course, enrollment, invoice, payment]) {
    for (const row of await db.select({ v: table.version }).from(table)) versions.add(row.v);
  }
  assert.equal(versions.size, 1);
  assert.ok([...versions][0] > 0);
});
