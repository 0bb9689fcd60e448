import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { auditLog, family, session, teacher, user, verification } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let mantes: TestClient;
let limay: TestClient;

before(async () => {
  t = await createTestApp();
  mantes = new TestClient(t.app, '10.20.0.1');
  limay = new TestClient(t.app, '10.20.0.2');
  assert.equal((await mantes.signIn(...DEMO.secretariat)).status, 200);
  assert.equal((await limay.signIn(DEMO.secretariatLimay[0], DEMO.secretariatLimay[1], 'Limay')).status, 200);
});
after(() => t.close());

const accountOf = async (username: string) => (await t.db.select().from(user).where(eq(user.username, username)))[0];
const NEW_FAMILY = {
  civility: 'Mme', lastName: 'Dubois-Léger', firstName: 'Élise', address: '3 rue des Lilas', postalCode: '78200', city: 'Mantes-la-Jolie',
  phoneHome: '', phoneWork: '', mobile: '06.12.34.56.78', email: '  Elise.Dubois@Exemple.FR ', smsOptIn: true,
};
const linkIn = (to: string) => t.mails.find((m) => m.to === to && /\/mot-de-passe-perdu\/nouveau\?jeton=/.test(m.text));

describe('POST /api/admin/families: the desk creates a family', () => {
  test('without an account: the family of the site, version stamped, audited; no mail', async () => {
    const mails = t.mails.length;
    const r = await mantes.json('/api/admin/families', { json: { ...NEW_FAMILY, email: 'sans.compte@exemple.fr' } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.account, null);
    const [f] = await t.db.select().from(family).where(eq(family.id, r.body.familyId));
    assert.equal(f.lastName, 'Dubois-Léger');
    assert.equal(f.mobile, '06 12 34 56 78', 'the family form’s rules: the phone stored in one form');
    assert.equal(f.siteId, (await accountOf('secretariat.demo')).siteId);
    assert.ok(f.version > 0);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'family.created'), eq(auditLog.targetId, f.id)));
    assert.equal(audit.actorUserId, (await accountOf('secretariat.demo')).id);
    assert.equal(t.mails.length, mails);
  });

  test('with its account: identifiant generated, e-mail normalised, identifiant and password link e-mailed', async () => {
    const r = await mantes.json('/api/admin/families', { json: { ...NEW_FAMILY, withAccount: true } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.account.username, 'elise.dubois-leger');
    const account = await accountOf('elise.dubois-leger');
    assert.equal(account.email, 'elise.dubois@exemple.fr');
    assert.equal(account.familyId, r.body.familyId);
    assert.equal(account.role, 'family');
    assert.ok(t.mails.some((m) => m.to === 'elise.dubois@exemple.fr' && m.text.includes('Votre identifiant : elise.dubois-leger')));
    assert.ok(linkIn('elise.dubois@exemple.fr'), 'the link to choose a password');
    // The same names again: the next free identifiant; the same e-mail: a field error, nothing created.
    const again = await mantes.json('/api/admin/families', { json: { ...NEW_FAMILY, email: 'ELISE.dubois@exemple.fr', withAccount: true } });
    assert.equal(again.status, 422);
    assert.match(again.body.error.fields.email, /déjà cette adresse/);
    assert.equal((await t.db.select().from(family).where(eq(family.email, 'elise.dubois@exemple.fr'))).length, 1, 'nothing created by the refused one');
    const second = await mantes.json('/api/admin/families', { json: { ...NEW_FAMILY, email: 'autre.elise@exemple.fr', withAccount: true } });
    assert.equal(second.body.account.username, 'elise.dubois-leger2');
  });

  test('the family form’s rules, by field', async () => {
    const r = await mantes.json('/api/admin/families', { json: { ...NEW_FAMILY, lastName: ' ', postalCode: '782', email: 'pas-une-adresse' } });
    assert.equal(r.status, 422);
    assert.deepEqual(Object.keys(r.body.error.fields).sort(), ['email', 'lastName', 'postalCode']);
    assert.equal(r.body.error.fieldCodes.postalCode.code, 'postalCode');
  });
});

describe('accounts: a second one, disable, enable, e-mail, welcome letter', () => {
  test('a second account for a family: { id, username }; the e-mail must be free; another site’s family is 404', async () => {
    const martin = await accountOf('famille.martin');
    const r = await mantes.json(`/api/admin/families/${martin.familyId}/accounts`, { json: { email: ' Claire.Martin@Exemple.fr', firstName: 'Claire', lastName: 'Martin' } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.username, 'claire.martin');
    const created = await accountOf('claire.martin');
    assert.equal(created.id, r.body.id);
    assert.equal(created.email, 'claire.martin@exemple.fr');
    assert.equal(created.familyId, martin.familyId);
    assert.ok(linkIn('claire.martin@exemple.fr'));
    const taken = await mantes.json(`/api/admin/families/${martin.familyId}/accounts`, { json: { email: martin.email.toUpperCase() } });
    assert.equal(taken.status, 422);
    assert.ok(taken.body.error.fields.email);
    assert.equal((await limay.json(`/api/admin/families/${martin.familyId}/accounts`, { json: { email: 'x@exemple.fr' } })).status, 404);
  });

  test('disabling ends its sessions at once and its sign-in answers exactly like a wrong password; re-enabled, it signs in', async () => {
    const family = new TestClient(t.app, '10.20.1.1');
    assert.equal((await family.signIn(...DEMO.martin)).status, 200);
    assert.equal(typeof (await family.json('/api/session')).body.user?.id, 'string');
    const martin = await accountOf('famille.martin');

    const off = await mantes.json(`/api/admin/accounts/${martin.id}/disable`, { method: 'POST' });
    assert.equal(off.status, 200);
    assert.equal(off.body.disabled, true);
    assert.match(off.body.message, /famille\.martin est désactivé/);
    assert.equal((await t.db.select().from(session).where(eq(session.userId, martin.id))).length, 0);
    assert.equal((await family.json('/api/session')).body.user, null, 'the cookie no longer opens anything');
    assert.equal((await family.json('/api/sync?cursor=0')).status, 401);

    const wrong = await new TestClient(t.app, '10.20.1.2').signIn(DEMO.martin[0], 'Pas-le-bon-mot-de-passe');
    const disabled = await new TestClient(t.app, '10.20.1.3').signIn(...DEMO.martin);
    assert.equal(disabled.status, wrong.status);
    assert.deepEqual(disabled.body, wrong.body);
    assert.equal((await t.db.select().from(session).where(eq(session.userId, martin.id))).length, 0, 'no session made, not even for a moment');
    // Nor a password link: the lost-password answer stays the same, nothing is sent.
    const sites = (await new TestClient(t.app).json<Array<{ id: string; name: string }>>('/api/sites')).body;
    const mailsBefore = t.mails.length;
    const lost = await new TestClient(t.app, '10.20.1.5').json('/api/password/lost', { json: { siteId: sites.find((x) => x.name === 'Mantes')!.id, username: DEMO.martin[0], email: martin.email } });
    assert.equal(lost.status, 200);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(t.mails.slice(mailsBefore).filter((m) => m.to === martin.email).length, 0);
    // The same timing class: the password is checked (scrypt) either way.
    const time = async (password: string) => {
      const start = performance.now();
      await new TestClient(t.app, `10.20.2.${Math.floor(Math.random() * 200)}`).signIn(DEMO.martin[0], password);
      return performance.now() - start;
    };
    const disabledMs = await time(DEMO.martin[1]);
    const wrongMs = await time('Encore-un-faux');
    assert.ok(disabledMs > wrongMs / 3 && disabledMs < wrongMs * 3, `${disabledMs} ms against ${wrongMs} ms`);

    const on = await mantes.json(`/api/admin/accounts/${martin.id}/enable`, { method: 'POST' });
    assert.equal(on.status, 200);
    assert.equal(on.body.disabled, false);
    assert.equal((await new TestClient(t.app, '10.20.1.4').signIn(...DEMO.martin)).status, 200);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.targetId, martin.id))).map((a) => a.action);
    assert.ok(actions.includes('account.disabled') && actions.includes('account.enabled'));
  });

  test('GET /api/admin/accounts/:id tells whether it is disabled; the desk cannot disable its own account', async () => {
    const martin = await accountOf('famille.martin');
    const r = await mantes.json(`/api/admin/accounts/${martin.id}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { id: martin.id, username: 'famille.martin', email: martin.email, name: martin.name, role: 'family', disabled: false });
    const self = await mantes.json(`/api/admin/accounts/${(await accountOf('secretariat.demo')).id}/disable`, { method: 'POST' });
    assert.equal(self.status, 409);
  });

  test('a new e-mail: normalised, unique (field error), the owner told at both addresses, earlier links ended', async () => {
    const demo = await accountOf('famille.demo');
    const taken = await mantes.json(`/api/admin/accounts/${demo.id}/email`, { method: 'PATCH', json: { email: (await accountOf('famille.martin')).email.toUpperCase() } });
    assert.equal(taken.status, 422);
    assert.match(taken.body.error.fields.email, /déjà cette adresse/);
    const invalid = await mantes.json(`/api/admin/accounts/${demo.id}/email`, { method: 'PATCH', json: { email: 'pas-une-adresse' } });
    assert.equal(invalid.status, 422);
    assert.equal(invalid.body.error.fieldCodes.email.code, 'email');

    assert.equal((await mantes.json(`/api/admin/accounts/${demo.id}/reset-link`, { method: 'POST' })).status, 200);
    const links = () => t.db.select().from(verification).where(eq(verification.value, demo.id));
    assert.equal((await links()).length, 1);
    const before = t.mails.length;
    const r = await mantes.json(`/api/admin/accounts/${demo.id}/email`, { method: 'PATCH', json: { email: '  Camille.Nouvelle@Exemple.FR ' } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.email, 'camille.nouvelle@exemple.fr');
    assert.equal((await accountOf('famille.demo')).email, 'camille.nouvelle@exemple.fr');
    const told = t.mails.slice(before).map((m) => m.to).sort();
    assert.deepEqual(told, [demo.email, 'camille.nouvelle@exemple.fr'].sort());
    assert.equal((await links()).length, 0, 'the link sent to the old address no longer works');
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'account.email_changed'), eq(auditLog.targetId, demo.id)));
    assert.deepEqual(audit.details, { username: 'famille.demo', from: demo.email, to: 'camille.nouvelle@exemple.fr' });
    const same = await mantes.json(`/api/admin/accounts/${demo.id}/email`, { method: 'PATCH', json: { email: 'camille.nouvelle@exemple.fr' } });
    assert.equal(same.status, 200);
    assert.equal(t.mails.length, before + 2, 'the same address again: nothing sent');
  });

  test('the welcome letter’s data: site, identifiant, the portal’s address, the family', async () => {
    const demo = await accountOf('famille.demo');
    const r = await mantes.json(`/api/admin/accounts/${demo.id}/welcome`);
    assert.equal(r.status, 200);
    assert.equal(r.body.siteName, 'Mantes');
    assert.equal(r.body.username, 'famille.demo');
    assert.equal(r.body.portalUrl, 'http://localhost:3000');
    assert.equal(r.body.lostPasswordUrl, 'http://localhost:3000/mot-de-passe-perdu');
    assert.equal(r.body.familyName, 'Lefèvre');
    assert.equal(r.body.civility, 'Mme');
    assert.equal(r.body.firstName, 'Camille');
  });

  test('another site’s account or an unknown id: 404 for every action; families and teachers: 403; anonymous: 401', async () => {
    const martin = await accountOf('famille.martin');
    const limayFamily = await accountOf('famille.limay');
    for (const [method, path, json] of [
      ['GET', '', undefined], ['POST', '/disable', undefined], ['POST', '/enable', undefined], ['PATCH', '/email', { email: 'x@exemple.fr' }], ['GET', '/welcome', undefined],
    ] as const) {
      assert.equal((await limay.json(`/api/admin/accounts/${martin.id}${path}`, { method, json })).status, 404, `${method} ${path}`);
      assert.equal((await mantes.json(`/api/admin/accounts/${limayFamily.id}${path}`, { method, json })).status, 404, `${method} ${path}`);
      assert.equal((await mantes.json(`/api/admin/accounts/inconnu${path}`, { method, json })).status, 404, `${method} ${path}`);
    }
    assert.equal((await accountOf('famille.martin')).disabled, false);
    const teacherClient = new TestClient(t.app, '10.20.3.2');
    assert.equal((await teacherClient.signIn(...DEMO.teacher)).status, 200);
    const family = new TestClient(t.app, '10.20.3.3');
    assert.equal((await family.signIn(DEMO.limay[0], DEMO.limay[1], 'Limay')).status, 200);
    for (const c of [family, teacherClient]) {
      assert.equal((await c.json(`/api/admin/accounts/${martin.id}/disable`, { method: 'POST' })).status, 403);
      assert.equal((await c.json('/api/admin/families', { json: NEW_FAMILY })).status, 403);
      assert.equal((await c.json('/api/admin/teachers', { json: { civility: 'M.', firstName: 'A', lastName: 'B', email: 'a@b.fr' } })).status, 403);
      assert.equal((await c.json(`/api/admin/accounts/${martin.id}/welcome`)).status, 403);
    }
    assert.equal((await new TestClient(t.app).json(`/api/admin/accounts/${martin.id}/disable`, { method: 'POST' })).status, 401);
  });
});

describe('POST /api/admin/teachers: a teacher and their account', () => {
  test('creates the teacher (version stamped) and a teacher account; the password link is e-mailed and works', async () => {
    const r = await mantes.json('/api/admin/teachers', {
      json: { civility: 'M.', firstName: 'Étienne', lastName: 'Marçais', email: ' Etienne.Marcais@Exemple.fr', disciplines: 'Piano, formation musicale' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.username, 'etienne.marcais');
    const [created] = await t.db.select().from(teacher).where(eq(teacher.id, r.body.teacherId));
    assert.equal(created.email, 'etienne.marcais@exemple.fr');
    assert.equal(created.disciplines, 'Piano, formation musicale');
    assert.ok(created.version > 0);
    const account = await accountOf('etienne.marcais');
    assert.equal(account.role, 'teacher');
    assert.equal(account.teacherId, r.body.teacherId);
    assert.equal(account.siteId, created.siteId);
    const listed = await mantes.json('/api/admin/teachers');
    assert.ok(listed.body.teachers.some((x: { id: string }) => x.id === r.body.teacherId));

    const mail = linkIn('etienne.marcais@exemple.fr');
    assert.ok(mail, 'a teacher created receives a password link');
    const token = decodeURIComponent(/jeton=([^\s&]+)/.exec(mail.text)![1]);
    const reset = await new TestClient(t.app).json('/api/password/reset', { json: { token, newPassword: 'Un-piano-a-queue-2026', confirmation: 'Un-piano-a-queue-2026' } });
    assert.ok(reset.status < 300, JSON.stringify(reset.body));
    const signedIn = await new TestClient(t.app, '10.20.4.1').signIn('etienne.marcais', 'Un-piano-a-queue-2026');
    assert.equal(signedIn.status, 200);
    assert.equal(signedIn.body.user.role, 'teacher');
  });

  test('validation by field; a taken e-mail is a field error and creates no teacher', async () => {
    const bad = await mantes.json('/api/admin/teachers', { json: { civility: 'Dr', firstName: '', lastName: 'X', email: 'non' } });
    assert.equal(bad.status, 422);
    assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['civility', 'email', 'firstName']);
    const count = (await t.db.select().from(teacher)).length;
    const taken = await mantes.json('/api/admin/teachers', { json: { civility: 'Mme', firstName: 'Anne', lastName: 'Double', email: (await accountOf('enseignant.demo')).email } });
    assert.equal(taken.status, 422);
    assert.ok(taken.body.error.fields.email);
    assert.equal((await t.db.select().from(teacher)).length, count);
  });
});
