import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import type { PreregistrationInput } from '../../shared/preregistration-schemas.ts';
import { auditLog, family, mailOutbox, preRegistration, student, user } from '../../server/db/schema/index.ts';
import { formToken } from '../../server/preregistration/form-token.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let mantes: string;

before(async () => {
  t = await createTestApp();
  const sites = (await new TestClient(t.app).json<Array<{ id: string; name: string }>>('/api/sites')).body;
  mantes = sites.find((s) => s.name === 'Mantes')!.id;
});
after(() => t.close());

let ipCounter = 0;
/** A visitor from its own address (the per-address limit is tested on purpose below). */
const visitor = (ip = `10.9.0.${++ipCounter}`) => new TestClient(t.app, ip);

async function signedIn(account: readonly [string, string], site?: string) {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1], site)).status, 200);
  return c;
}

/** A token from 10 s ago: typed by a person, not posted by a robot at once. */
const typedToken = () => formToken(t.env.AUTH_SECRET, Date.now() - 10_000);

function application(over: Partial<PreregistrationInput> & { lastName?: string; email?: string; postalCode?: string } = {}): PreregistrationInput {
  const { lastName = 'Nouvelle', email = `famille.${crypto.randomUUID().slice(0, 8)}@example.org`, postalCode = '78200', ...rest } = over;
  return {
    siteId: mantes,
    responsible: { civility: 'Mme', lastName, firstName: 'Élodie', address: '3 rue des Lilas', postalCode, city: 'Mantes-la-Jolie', mobile: '06 12 34 56 78', email, smsOptIn: true },
    children: [
      { firstName: 'Inès', lastName, birthDate: '2017-03-14', disciplines: ['Piano'], level: 'debutant', availability: 'Mercredi après-midi' },
      { firstName: 'Noé', lastName, birthDate: '2019-09-02', disciplines: ['Formation musicale', 'Chorale 1er cycle'], level: 'debutant', availability: '' },
    ],
    comment: '',
    consent: true,
    formToken: typedToken(),
    website: '',
    ...rest,
  };
}

const countOf = async (table: typeof family | typeof student | typeof user | typeof preRegistration) => (await t.db.select({ n: count() }).from(table))[0].n;

describe('pre-registration (public)', () => {
  test('the form gives a token and the site’s disciplines', async () => {
    const r = await visitor().json(`/api/preregistration/form?siteId=${mantes}`);
    assert.equal(r.status, 200);
    assert.match(r.body.formToken, /^\d{13}\.[\w-]{43}$/);
    for (const d of ['Piano', 'Formation musicale', 'Violon']) assert.ok(r.body.disciplines.includes(d), d);
    assert.ok(!r.body.disciplines.some((d: string) => /\dC\d/.test(d)), 'no cycle in a discipline');
  });

  test('an application is recorded with a reference and confirmed by e-mail', async () => {
    t.mails.length = 0;
    const app = application();
    const r = await visitor().json('/api/preregistration', { json: app });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.match(r.body.reference, /^PI-\d{4}-[A-Z2-9]{6}$/);
    const [row] = await t.db.select().from(preRegistration).where(eq(preRegistration.reference, r.body.reference));
    assert.equal(row.status, 'new');
    assert.equal(row.email, app.responsible.email);
    assert.equal((row.data as { formToken?: string }).formToken, undefined, 'the token is not stored');
    assert.equal(t.mails.length, 1);
    assert.equal(t.mails[0].to, app.responsible.email);
    assert.ok(t.mails[0].text.includes(r.body.reference));
    // Written for the site applied to: its desk lists it, though the address is nobody's yet.
    const [mail] = await t.db.select({ siteId: mailOutbox.siteId }).from(mailOutbox).where(eq(mailOutbox.to, app.responsible.email));
    assert.equal(mail.siteId, mantes);
  });

  test('validation: the family form’s rules, per child, and the consent', async () => {
    const bad = application();
    bad.children![1].birthDate = '2019-02-30';
    bad.responsible!.postalCode = '7820';
    const r = await visitor().json('/api/preregistration', { json: { ...bad, consent: false, children: bad.children } });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.fieldCodes['children.1.birthDate'].code, 'birthDateInvalid');
    assert.equal(r.body.error.fieldCodes['responsible.postalCode'].code, 'postalCode');
    assert.equal(r.body.error.fieldCodes.consent.code, 'consentRequired');
    const none = await visitor().json('/api/preregistration', { json: { ...application(), children: [] } });
    assert.equal(none.body.error.fieldCodes.children.code, 'childrenCount');
  });

  test('abuse: honeypot dropped silently, too fast or forged token refused, at most 5 per address per hour', async () => {
    const before = await countOf(preRegistration);
    const robot = await visitor().json('/api/preregistration', { json: { ...application(), website: 'http://spam.example' } });
    assert.equal(robot.status, 201, 'a robot learns nothing');
    assert.equal(await countOf(preRegistration), before, 'but nothing is recorded');

    const fast = await visitor().json('/api/preregistration', { json: { ...application(), formToken: formToken(t.env.AUTH_SECRET) } });
    assert.equal(fast.status, 422);
    assert.equal(fast.body.error.code, 'too_fast');
    const forged = await visitor().json('/api/preregistration', { json: { ...application(), formToken: `${Date.now() - 10_000}.${'A'.repeat(43)}` } });
    assert.equal(forged.body.error.code, 'form_expired');
    assert.equal(await countOf(preRegistration), before);

    const same = visitor('10.99.0.1');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await same.json('/api/preregistration', { json: application() })).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429]);
    assert.equal((await visitor('10.99.0.2').json('/api/preregistration', { json: application() })).status, 201, 'another address is not affected');
  });
});

describe("the secretariat's pre-registrations", () => {
  async function submitted(over: Parameters<typeof application>[0] = {}) {
    const r = await visitor().json('/api/preregistration', { json: application(over) });
    assert.equal(r.status, 201);
    const [row] = await t.db.select().from(preRegistration).where(eq(preRegistration.reference, r.body.reference));
    return row;
  }

  test('site-scoped and for the secretariat only', async () => {
    const row = await submitted();
    const desk = await signedIn(DEMO.secretariat);
    const list = await desk.json('/api/admin/preregistrations?status=new');
    assert.ok(list.body.applications.some((a: { id: string }) => a.id === row.id));
    const dates = list.body.applications.map((a: { createdAt: string }) => a.createdAt);
    assert.deepEqual(dates, [...dates].sort(), 'oldest first');
    const other = await signedIn(DEMO.secretariatLimay, 'Limay');
    assert.ok(!(await other.json('/api/admin/preregistrations')).body.applications.some((a: { id: string }) => a.id === row.id));
    assert.equal((await other.json(`/api/admin/preregistrations/${row.id}`)).status, 404);
    assert.equal((await other.json(`/api/admin/preregistrations/${row.id}/accept`, { json: {} })).status, 404);
    for (const account of [DEMO.family, DEMO.teacher]) {
      const c = await signedIn(account);
      assert.equal((await c.json('/api/admin/preregistrations')).status, 403);
      assert.equal((await c.json(`/api/admin/preregistrations/${row.id}/accept`, { json: {} })).status, 403);
    }
  });

  test('accept in one step: one family, its students, one account with a generated identifiant, a password link; twice clicked → once', async () => {
    const row = await submitted({ lastName: 'Garnier' });
    const desk = await signedIn(DEMO.secretariat);
    const [families, students, users] = [await countOf(family), await countOf(student), await countOf(user)];
    t.mails.length = 0;
    const [a, b] = await Promise.all([
      desk.json(`/api/admin/preregistrations/${row.id}/accept`, { json: {} }),
      desk.json(`/api/admin/preregistrations/${row.id}/accept`, { json: {} }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const ok = a.status === 200 ? a : b;
    assert.equal(ok.body.username, 'elodie.garnier');
    assert.equal(ok.body.students, 2);
    assert.deepEqual([await countOf(family), await countOf(student), await countOf(user)], [families + 1, students + 2, users + 1]);
    const [account] = await t.db.select().from(user).where(eq(user.username, 'elodie.garnier'));
    assert.equal(account.familyId, ok.body.familyId);
    assert.equal(account.role, 'family');
    const link = t.mails.find((m) => m.to === row.email && /mot-de-passe-perdu\/nouveau\?/.test(m.text));
    assert.ok(link, 'the password link is e-mailed like "Mot de passe perdu"');
    assert.ok(t.mails.some((m) => m.to === row.email && m.text.includes('elodie.garnier')));
    assert.equal((await t.db.select().from(auditLog).where(eq(auditLog.targetId, row.id))).length, 1);

    // The same name again: the next free identifiant.
    const again = await submitted({ lastName: 'Garnier' });
    const second = await desk.json(`/api/admin/preregistrations/${again.id}/accept`, { json: {} });
    assert.equal(second.body.username, 'elodie.garnier2');
  });

  test('duplicates are shown, and the children can be attached to the existing family without a new account', async () => {
    const [lefevre] = await t.db.select().from(family).where(eq(family.id, (await t.db.select({ f: user.familyId }).from(user).where(eq(user.username, DEMO.family[0])))[0].f!));
    const row = await submitted({ lastName: 'Autre', email: lefevre.email.toUpperCase() });
    const desk = await signedIn(DEMO.secretariat);
    const detail = await desk.json(`/api/admin/preregistrations/${row.id}`);
    assert.deepEqual(detail.body.duplicates.map((d: { familyId: string; reason: string }) => [d.familyId, d.reason]), [[lefevre.id, 'email']]);
    const byName = await submitted({ lastName: lefevre.lastName.toUpperCase(), postalCode: lefevre.postalCode });
    const nameDetail = await desk.json(`/api/admin/preregistrations/${byName.id}`);
    assert.ok(nameDetail.body.duplicates.some((d: { familyId: string; reason: string }) => d.familyId === lefevre.id && d.reason === 'name_postal_code'));

    const users = await countOf(user);
    const studentsBefore = (await t.db.select().from(student).where(eq(student.familyId, lefevre.id))).length;
    const r = await desk.json(`/api/admin/preregistrations/${row.id}/accept`, { json: { attachToFamilyId: lefevre.id } });
    assert.equal(r.status, 200);
    assert.equal(r.body.username, null);
    assert.equal(await countOf(user), users);
    assert.equal((await t.db.select().from(student).where(eq(student.familyId, lefevre.id))).length, studentsBefore + 2);
  });

  test('refuse with a reason (e-mailed); a decided application cannot be accepted', async () => {
    const row = await submitted();
    const desk = await signedIn(DEMO.secretariat);
    assert.equal((await desk.json(`/api/admin/preregistrations/${row.id}/refuse`, { json: { reason: '' } })).status, 422);
    assert.equal((await desk.json(`/api/admin/preregistrations/${row.id}/in-progress`, { json: {} })).status, 200);
    t.mails.length = 0;
    assert.equal((await desk.json(`/api/admin/preregistrations/${row.id}/refuse`, { json: { reason: 'Classes complètes cette année.' } })).status, 200);
    assert.ok(t.mails.some((m) => m.to === row.email && m.text.includes('Classes complètes cette année.')));
    const families = await countOf(family);
    assert.equal((await desk.json(`/api/admin/preregistrations/${row.id}/accept`, { json: {} })).status, 409);
    assert.equal(await countOf(family), families);
  });
});
