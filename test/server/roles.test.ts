import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { schoolYearOf } from '../../shared/school-year.ts';
import { course, document, family, mailOutbox, site, student } from '../../server/db/schema/index.ts';
import { createApi } from '../../server/api.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

/** The figures of a site, counted straight from the database. */
async function figures(siteName: string) {
  const [s] = await t.db.select().from(site).where(eq(site.name, siteName));
  const families = await t.db.select({ id: family.id }).from(family).where(eq(family.siteId, s.id));
  const familyIds = families.map((f) => f.id);
  const students = await t.db.select({ id: student.id }).from(student).where(inArray(student.familyId, familyIds));
  const courses = await t.db
    .select({ id: course.id })
    .from(course)
    .where(and(eq(course.siteId, s.id), eq(course.schoolYear, schoolYearOf(new Date()))));
  const documents = await t.db
    .select({ id: document.id })
    .from(document)
    .where(and(inArray(document.familyId, familyIds), eq(document.status, 'received')));
  return { families: families.length, students: students.length, courses: courses.length, pendingDocuments: documents.length };
}

describe('GET /api/admin/summary', () => {
  test('anonymous → 401', async () => {
    const r = await new TestClient(t.app).json('/api/admin/summary');
    assert.equal(r.status, 401);
    assert.equal(r.body.error.code, 'unauthorized');
  });

  test('a family → 403', async () => {
    const c = new TestClient(t.app);
    assert.equal((await c.signIn(...DEMO.family)).status, 200);
    const r = await c.json('/api/admin/summary');
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'forbidden');
    assert.equal(r.body.families, undefined);
  });

  test('a teacher → 403', async () => {
    const c = new TestClient(t.app);
    assert.equal((await c.signIn(...DEMO.teacher)).status, 200);
    const r = await c.json('/api/admin/summary');
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'forbidden');
  });

  test('secretariat.demo → 200 with the Mantes figures', async () => {
    const c = new TestClient(t.app);
    assert.equal((await c.signIn(...DEMO.secretariat)).status, 200);
    const r = await c.json('/api/admin/summary');
    assert.equal(r.status, 200);
    const expected = await figures('Mantes');
    assert.equal(r.body.siteName, 'Mantes');
    assert.equal(r.body.schoolYear, schoolYearOf(new Date()));
    assert.equal(r.body.families, expected.families);
    assert.equal(r.body.families, 16);
    assert.equal(r.body.students, expected.students);
    assert.equal(r.body.courses, expected.courses);
    assert.ok(r.body.courses > 0);
    assert.equal(r.body.pendingDocuments, expected.pendingDocuments);
    assert.equal(r.body.pendingDocuments, 1);
    assert.equal(r.body.pendingChangeRequests, 0);
  });

  test('secretariat.limay sees Limay’s figures only', async () => {
    const c = new TestClient(t.app);
    assert.equal((await c.signIn(DEMO.secretariatLimay[0], DEMO.secretariatLimay[1], 'Limay')).status, 200);
    const r = await c.json('/api/admin/summary');
    assert.equal(r.status, 200);
    const expected = await figures('Limay');
    assert.equal(r.body.siteName, 'Limay');
    assert.equal(r.body.families, expected.families);
    assert.equal(r.body.families, 1);
    assert.notEqual(r.body.families, (await figures('Mantes')).families);
    assert.equal(r.body.students, expected.students);
    assert.equal(r.body.courses, expected.courses);
    assert.equal(r.body.pendingDocuments, 0);
  });

  test('the mail count is the site’s own: a mail to another site’s family is not counted', async () => {
    const mantes = new TestClient(t.app);
    const limay = new TestClient(t.app);
    assert.equal((await mantes.signIn(...DEMO.secretariat)).status, 200);
    assert.equal((await limay.signIn(DEMO.secretariatLimay[0], DEMO.secretariatLimay[1], 'Limay')).status, 200);
    const before = [(await mantes.json('/api/admin/summary')).body.mailsSent, (await limay.json('/api/admin/summary')).body.mailsSent];
    const [limaySite] = await t.db.select().from(site).where(eq(site.name, 'Limay'));
    const [limayFamily] = await t.db.select().from(family).where(eq(family.siteId, limaySite.id));
    assert.ok(limayFamily.email);
    const mail = { to: limayFamily.email, subject: 'Test', text: 'Test', status: 'stored' };
    await t.db.insert(mailOutbox).values([mail, { ...mail, to: 'personne@exemple.invalid' }]);
    assert.equal((await mantes.json('/api/admin/summary')).body.mailsSent, before[0]);
    assert.equal((await limay.json('/api/admin/summary')).body.mailsSent, before[1] + 1);
  });

  test('a Limay secretariat cannot sign in on Mantes', async () => {
    const r = await new TestClient(t.app).signIn(DEMO.secretariatLimay[0], DEMO.secretariatLimay[1], 'Mantes');
    assert.equal(r.status, 401);
  });
});

describe('unknown addresses', () => {
  test('an unknown /api address → 404 with the JSON error body', async () => {
    for (const [method, path] of [
      ['GET', '/api/whatever'],
      ['POST', '/api/whatever'],
      ['GET', '/api/session/nothing-here'],
      ['DELETE', '/api/sites'],
    ] as const) {
      const res = await t.app.request(path, { method });
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      const body = await res.json();
      assert.equal(body.error.code, 'not_found');
      assert.equal(typeof body.error.message, 'string');
    }
  });

  test('an unknown admin address is 404 for the secretariat, 403 for a family, 401 for anonymous', async () => {
    const secretariat = new TestClient(t.app);
    await secretariat.signIn(...DEMO.secretariat);
    assert.equal((await secretariat.json('/api/admin/nothing')).status, 404);
    const family = new TestClient(t.app);
    await family.signIn(...DEMO.family);
    assert.equal((await family.json('/api/admin/nothing')).status, 403);
    assert.equal((await new TestClient(t.app).json('/api/admin/nothing')).status, 401);
  });
});

describe('every /api/admin route is the secretariat’s (one guard in server/routes/admin.ts)', () => {
  // Every route the API declares under /admin, with its parameters filled in.
  const adminRoutes = createApi()
    .routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/admin/'))
    .map((r) => ({ method: r.method, path: '/api' + r.path.replace(/:\w+/g, 'x') }));

  test('the list is the whole admin API', () => {
    assert.ok(adminRoutes.length >= 25, `${adminRoutes.length} routes`);
    for (const path of ['/api/admin/summary', '/api/admin/billing/families', '/api/admin/staff-accounts', '/api/admin/documents/x/file']) {
      assert.ok(adminRoutes.some((r) => r.path === path), path);
    }
  });

  test('anonymous → 401, a family or a teacher → 403, on every one', async () => {
    const family = new TestClient(t.app);
    assert.equal((await family.signIn(...DEMO.family)).status, 200);
    const teacher = new TestClient(t.app);
    assert.equal((await teacher.signIn(...DEMO.teacher)).status, 200);
    for (const { method, path } of adminRoutes) {
      const json = method === 'GET' ? undefined : {};
      assert.equal((await new TestClient(t.app).json(path, { method, json })).status, 401, `anonymous ${method} ${path}`);
      assert.equal((await family.json(path, { method, json })).status, 403, `family ${method} ${path}`);
      assert.equal((await teacher.json(path, { method, json })).status, 403, `teacher ${method} ${path}`);
    }
  });
});
