import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { CONSENT_MUTATIONS } from '../../shared/consent-schemas.ts';
import type { PushResponse } from '../../shared/push-protocol.ts';
import { REENROLMENT_MUTATIONS } from '../../shared/reenrolment-schemas.ts';
import { schoolYearOf, shiftSchoolYear } from '../../shared/school-year.ts';
import { auditLog, consentAnswer, consentKind, family, reenrolmentAnswer, reenrolmentCampaign, reenrolmentConfirmation, student, user } from '../../server/db/schema/index.ts';
import { csvCell } from '../../server/reenrolment/csv.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';
import { until } from '../helpers/until.ts';

let t: TestApp;
let campaign: typeof reenrolmentCampaign.$inferSelect;
let kinds: Array<typeof consentKind.$inferSelect>;
let lefevre: { familyId: string; students: string[] };
let martin: { familyId: string; students: string[] };
let limayStudent: string;

async function familyOf(username: string) {
  const [u] = await t.db.select({ familyId: user.familyId }).from(user).where(eq(user.username, username));
  const students = await t.db.select({ id: student.id }).from(student).where(eq(student.familyId, u.familyId!));
  return { familyId: u.familyId!, students: students.map((s) => s.id) };
}

before(async () => {
  t = await createTestApp();
  const [mantesUser] = await t.db.select({ siteId: user.siteId }).from(user).where(eq(user.username, DEMO.secretariat[0]));
  [campaign] = await t.db.select().from(reenrolmentCampaign).where(eq(reenrolmentCampaign.siteId, mantesUser.siteId));
  kinds = await t.db.select().from(consentKind).where(eq(consentKind.siteId, mantesUser.siteId));
  lefevre = await familyOf(DEMO.family[0]);
  martin = await familyOf(DEMO.martin[0]);
  limayStudent = (await familyOf(DEMO.limay[0])).students[0];
});
after(() => t.close());

async function signedIn(account: readonly [string, string], site?: string) {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1], site)).status, 200);
  return c;
}

/** A device: its own client id, its mutations numbered 1, 2, 3… */
function device(c: TestClient) {
  const clientId = crypto.randomUUID();
  let next = 1;
  return {
    async send(name: string, args: unknown) {
      const res = await c.json<PushResponse>('/api/sync/push', { json: { clientId, mutations: [{ mutationId: next++, name, args }] } });
      assert.equal(res.status, 200);
      return res.body.results[0];
    },
    replay(mutations: unknown[]) {
      return c.json<PushResponse>('/api/sync/push', { json: { clientId, mutations } });
    },
  };
}

const answer = (studentId: string, choice: string, extra: Record<string, string> = {}) => ({ campaignId: campaign.id, studentId, choice, ...extra });
const errorOf = (result: PushResponse['results'][number]) => ('error' in result ? result.error : undefined);

/** Every answer a family owes: each student, the confirmation, every active consent at its version. */
async function completeFamily(d: ReturnType<typeof device>, fam: { students: string[] }) {
  for (const id of fam.students) assert.deepEqual(errorOf(await d.send(REENROLMENT_MUTATIONS.answer, answer(id, 'continue'))), undefined);
  assert.equal(errorOf(await d.send(REENROLMENT_MUTATIONS.confirm, { campaignId: campaign.id })), undefined);
  const current = await t.db.select().from(consentKind).where(eq(consentKind.siteId, campaign.siteId));
  for (const k of current.filter((k) => k.active)) {
    for (const studentId of k.scope === 'student' ? fam.students : [null]) {
      assert.equal(errorOf(await d.send(CONSENT_MUTATIONS.answer, { consentKindId: k.id, studentId, wordingVersion: k.wordingVersion, given: true })), undefined);
    }
  }
}

describe('the secretariat opens a campaign', () => {
  test('dates and year are validated; one campaign per site and year', async () => {
    const desk = await signedIn(DEMO.secretariat);
    const next = shiftSchoolYear(schoolYearOf(new Date()), 1);
    const post = (json: unknown) => desk.json('/api/admin/reenrolment/campaigns', { json });

    const backwards = await post({ schoolYear: shiftSchoolYear(next, 1), opensOn: '2030-05-10', closesOn: '2030-05-01' });
    assert.equal(backwards.status, 422);
    assert.match(backwards.body.error.fields.closesOn, /clôture ne peut pas précéder/);

    const thisYear = await post({ schoolYear: schoolYearOf(new Date()), opensOn: '2030-05-01', closesOn: '2030-05-10' });
    assert.equal(thisYear.status, 422);
    assert.equal(thisYear.body.error.fieldCodes.schoolYear.code, 'campaignYear');

    assert.equal((await post({ schoolYear: '2031/2033', opensOn: '2030-05-01', closesOn: '2030-05-10' })).status, 422);
    assert.equal((await post({ schoolYear: next, opensOn: 'demain', closesOn: '2030-05-10' })).status, 422);

    // The demo already has next year's campaign for Mantes.
    const twice = await post({ schoolYear: next, opensOn: '2030-05-01', closesOn: '2030-05-10' });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'campaign_exists');

    const later = await post({ schoolYear: shiftSchoolYear(next, 1), opensOn: '2030-05-01', closesOn: '2030-05-01' });
    assert.equal(later.status, 201);
    assert.equal(later.body.campaign.siteId, campaign.siteId);
    assert.ok(later.body.campaign.version > 0);
    const [row] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'reenrolment.campaign.create'), eq(auditLog.targetId, later.body.campaign.id)));
    assert.ok(row, 'audited');

    // Limay's secretariat sees neither Mantes's campaign nor its progress.
    const limayDesk = await signedIn(DEMO.secretariatLimay, 'Limay');
    const list = await limayDesk.json('/api/admin/reenrolment');
    assert.equal(list.body.campaigns.length, 0);
    assert.equal((await limayDesk.json(`/api/admin/reenrolment/campaigns/${campaign.id}/progress`)).status, 404);
  });

  test('a family cannot reach the desk routes', async () => {
    const c = await signedIn(DEMO.family);
    assert.equal((await c.json('/api/admin/reenrolment')).status, 403);
  });
});

describe('a family answers through the push', () => {
  test('a student answer is checked (choice, wish, ownership, open campaign) and replaced, never doubled', async () => {
    const c = await signedIn(DEMO.martin);
    const d = device(c);
    const [theo] = martin.students;

    const noWish = errorOf(await d.send(REENROLMENT_MUTATIONS.answer, answer(theo, 'change', { wish: '  ' })));
    assert.equal(noWish?.code, 'validation');
    assert.ok(noWish?.fields?.wish, 'the wish is required to change');
    assert.equal(errorOf(await d.send(REENROLMENT_MUTATIONS.answer, answer(theo, 'maybe')))?.code, 'validation');
    assert.equal(errorOf(await d.send(REENROLMENT_MUTATIONS.answer, { ...answer(theo, 'stop'), comment: 'x'.repeat(1001) }))?.code, 'validation');

    // Another family's student and another site's student: not found.
    assert.equal(errorOf(await d.send(REENROLMENT_MUTATIONS.answer, answer(lefevre.students[0], 'stop')))?.code, 'not_found');
    assert.equal(errorOf(await d.send(REENROLMENT_MUTATIONS.answer, answer(limayStudent, 'stop')))?.code, 'not_found');

    assert.equal(errorOf(await d.send(REENROLMENT_MUTATIONS.answer, answer(theo, 'change', { wish: 'Violoncelle', comment: 'Le mercredi si possible' }))), undefined);
    assert.equal(errorOf(await d.send(REENROLMENT_MUTATIONS.answer, answer(theo, 'continue', { wish: 'ignoré' }))), undefined);
    const rows = await t.db.select().from(reenrolmentAnswer).where(eq(reenrolmentAnswer.studentId, theo));
    assert.equal(rows.length, 1);
    assert.equal(rows[0].choice, 'continue');
    assert.equal(rows[0].wish, '', 'continuing keeps no wish');
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'reenrolment.answer'), eq(auditLog.targetId, theo)));
    assert.equal(audits.length, 2);
    assert.equal((audits[1].details as { replaced: { wish: string } }).replaced.wish, 'Violoncelle', 'the earlier answer is in the audit log');

    // A replay of the same mutations applies nothing.
    const before = rows[0].version;
    const replay = await d.replay([{ mutationId: 7, name: REENROLMENT_MUTATIONS.answer, args: answer(theo, 'stop') }]);
    assert.deepEqual(replay.body.results, []);
    assert.equal((await t.db.select().from(reenrolmentAnswer).where(eq(reenrolmentAnswer.studentId, theo)))[0].version, before);
  });

  test('a closed campaign or another site’s campaign refuses answers with a clear message', async () => {
    const c = await signedIn(DEMO.martin);
    const d = device(c);
    await t.db.update(reenrolmentCampaign).set({ opensOn: '2020-01-01', closesOn: '2020-01-31' }).where(eq(reenrolmentCampaign.id, campaign.id));
    try {
      const closed = errorOf(await d.send(REENROLMENT_MUTATIONS.answer, answer(martin.students[0], 'stop')));
      assert.equal(closed?.code, 'campaign_closed');
      assert.match(closed!.message, /n’est pas ouverte/);
      assert.equal(errorOf(await d.send(REENROLMENT_MUTATIONS.confirm, { campaignId: campaign.id }))?.code, 'campaign_closed');
    } finally {
      await t.db.update(reenrolmentCampaign).set({ opensOn: campaign.opensOn, closesOn: campaign.closesOn }).where(eq(reenrolmentCampaign.id, campaign.id));
    }
    const limay = device(await signedIn(DEMO.limay, 'Limay'));
    assert.equal(errorOf(await limay.send(REENROLMENT_MUTATIONS.confirm, { campaignId: campaign.id }))?.code, 'not_found');
  });

  test('the confirmation is stored once per family and campaign', async () => {
    const d = device(await signedIn(DEMO.martin));
    assert.equal(errorOf(await d.send(REENROLMENT_MUTATIONS.confirm, { campaignId: campaign.id })), undefined);
    assert.equal(errorOf(await d.send(REENROLMENT_MUTATIONS.confirm, { campaignId: campaign.id })), undefined);
    const rows = await t.db.select().from(reenrolmentConfirmation).where(eq(reenrolmentConfirmation.familyId, martin.familyId));
    assert.equal(rows.length, 1);
  });

  test('consents: scope, ownership, active, current wording; the latest answer kept in place', async () => {
    const d = device(await signedIn(DEMO.martin));
    const image = kinds.find((k) => k.code === 'droit-image')!;
    const data = kinds.find((k) => k.code === 'traitement-donnees')!;
    const [theo] = martin.students;
    const send = (args: Record<string, unknown>) => d.send(CONSENT_MUTATIONS.answer, args);

    assert.equal(errorOf(await send({ consentKindId: image.id, studentId: null, wordingVersion: 1, given: true }))?.code, 'validation', 'a student consent needs its student');
    assert.equal(errorOf(await send({ consentKindId: data.id, studentId: theo, wordingVersion: 1, given: true }))?.code, 'validation', 'a family consent has no student');
    assert.equal(errorOf(await send({ consentKindId: image.id, studentId: lefevre.students[0], wordingVersion: 1, given: true }))?.code, 'not_found');
    assert.equal(errorOf(await send({ consentKindId: image.id, studentId: theo, wordingVersion: 1, given: 'oui' }))?.code, 'validation');
    assert.equal(errorOf(await send({ consentKindId: image.id, studentId: theo, wordingVersion: 2, given: true }))?.code, 'consent_outdated');

    assert.equal(errorOf(await send({ consentKindId: image.id, studentId: theo, wordingVersion: 1, given: true })), undefined);
    const [first] = await t.db.select().from(consentAnswer).where(and(eq(consentAnswer.consentKindId, image.id), eq(consentAnswer.studentId, theo)));
    assert.equal(errorOf(await send({ consentKindId: image.id, studentId: theo, wordingVersion: 1, given: false })), undefined);
    const rows = await t.db.select().from(consentAnswer).where(and(eq(consentAnswer.consentKindId, image.id), eq(consentAnswer.studentId, theo)));
    assert.equal(rows.length, 1, 'one row per kind and subject');
    assert.equal(rows[0].id, first.id, 'updated in place');
    assert.equal(rows[0].given, false);
    assert.ok(rows[0].version > first.version);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'consent.answer'), eq(auditLog.targetId, image.id), eq(auditLog.familyId, martin.familyId)));
    assert.equal((audits.at(-1)!.details as { replaced: { given: boolean } }).replaced.given, true, 'the earlier answer is in the audit log');

    // Another site's kind is not found; a deactivated one is refused.
    const limay = device(await signedIn(DEMO.limay, 'Limay'));
    assert.equal(errorOf(await limay.send(CONSENT_MUTATIONS.answer, { consentKindId: data.id, studentId: null, wordingVersion: 1, given: true }))?.code, 'not_found');
  });
});

describe('the desk: consents, progress, CSV, reminders', () => {
  test('a changed wording makes the old answers outdated; deactivating stops asking', async () => {
    const desk = await signedIn(DEMO.secretariat);
    const d = device(await signedIn(DEMO.martin));
    const leave = kinds.find((k) => k.code === 'sortie-seul')!;
    const [theo] = martin.students;
    assert.equal(errorOf(await d.send(CONSENT_MUTATIONS.answer, { consentKindId: leave.id, studentId: theo, wordingVersion: 1, given: true })), undefined);

    const same = await desk.json(`/api/admin/consent-kinds/${leave.id}/wording`, { method: 'PUT', json: { wordingFr: leave.wordingFr, wordingEn: leave.wordingEn } });
    assert.equal(same.body.consentKind.wordingVersion, 1, 'the same text changes nothing');
    const reworded = await desk.json(`/api/admin/consent-kinds/${leave.id}/wording`, {
      method: 'PUT',
      json: { wordingFr: 'J’autorise l’élève à quitter seul le conservatoire après son cours, y compris le samedi.', wordingEn: '' },
    });
    assert.equal(reworded.status, 200);
    assert.equal(reworded.body.consentKind.wordingVersion, 2);

    const detail = await desk.json(`/api/admin/reenrolment/campaigns/${campaign.id}/families/${martin.familyId}`);
    const line = detail.body.consents.find((c: { kindId: string; studentId: string }) => c.kindId === leave.id && c.studentId === theo);
    assert.equal(line.answer.wordingVersion, 1);
    assert.equal(line.due, 'outdated');
    assert.equal(errorOf(await d.send(CONSENT_MUTATIONS.answer, { consentKindId: leave.id, studentId: theo, wordingVersion: 1, given: true }))?.code, 'consent_outdated');
    assert.equal(errorOf(await d.send(CONSENT_MUTATIONS.answer, { consentKindId: leave.id, studentId: theo, wordingVersion: 2, given: true })), undefined);

    const created = await desk.json('/api/admin/consent-kinds', { json: { code: 'covoiturage', scope: 'family', wordingFr: 'J’accepte que mes coordonnées soient données aux familles pour le covoiturage.' } });
    assert.equal(created.status, 201);
    assert.equal((await desk.json('/api/admin/consent-kinds', { json: { code: 'covoiturage', scope: 'family', wordingFr: 'Autre' } })).status, 409);
    assert.equal((await desk.json('/api/admin/consent-kinds', { json: { code: 'Pas Un Code', scope: 'family', wordingFr: 'Autre' } })).status, 422);
    const off = await desk.json(`/api/admin/consent-kinds/${created.body.consentKind.id}/active`, { method: 'PUT', json: { active: false } });
    assert.equal(off.body.consentKind.active, false);
    assert.equal(errorOf(await d.send(CONSENT_MUTATIONS.answer, { consentKindId: created.body.consentKind.id, studentId: null, wordingVersion: 1, given: true }))?.code, 'consent_inactive');

    const limayDesk = await signedIn(DEMO.secretariatLimay, 'Limay');
    assert.equal((await limayDesk.json(`/api/admin/consent-kinds/${leave.id}/active`, { method: 'PUT', json: { active: false } })).status, 404);
  });

  test('progress counts families done, in progress and not started', async () => {
    const desk = await signedIn(DEMO.secretariat);
    const first = (await desk.json(`/api/admin/reenrolment/campaigns/${campaign.id}/progress`)).body;
    const row = (id: string) => first.families.find((f: { familyId: string }) => f.familyId === id);
    assert.equal(row(martin.familyId).state, 'in_progress');
    assert.equal(row(lefevre.familyId).state, 'not_started');
    assert.equal(first.counts.total, first.counts.done + first.counts.inProgress + first.counts.notStarted);

    await completeFamily(device(await signedIn(DEMO.martin)), martin);
    const after = (await desk.json(`/api/admin/reenrolment/campaigns/${campaign.id}/progress`)).body;
    assert.equal(after.families.find((f: { familyId: string }) => f.familyId === martin.familyId).state, 'done');
    assert.equal(after.counts.done, first.counts.done + 1);
    assert.equal(after.counts.inProgress, first.counts.inProgress - 1);
    const detail = await desk.json(`/api/admin/reenrolment/campaigns/${campaign.id}/families/${martin.familyId}`);
    assert.equal(detail.body.state, 'done');
    assert.ok(detail.body.confirmation.confirmedBy, 'who confirmed');
    assert.ok(detail.body.consents.every((c: { answer: { answeredBy: string } | null; active: boolean }) => !c.active || c.answer?.answeredBy));
  });

  test('the CSV is for French Excel and neutralises formulas', async () => {
    assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    for (const start of ['+', '-', '@', '\t', '\r']) assert.ok(csvCell(start + '1').startsWith('"\''), JSON.stringify(start));
    assert.equal(csvCell('Violon; alto'), '"Violon; alto"');

    const d = device(await signedIn(DEMO.family));
    const [lucie] = lefevre.students;
    assert.equal(errorOf(await d.send(REENROLMENT_MUTATIONS.answer, answer(lucie, 'change', { wish: '=1+2', comment: '@SUM(A1:A2); "ok"\nligne 2' }))), undefined);
    const desk = await signedIn(DEMO.secretariat);
    const res = await desk.request(`/api/admin/reenrolment/campaigns/${campaign.id}/export.csv`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
    assert.match(res.headers.get('content-disposition')!, /attachment; filename="reinscriptions-\d{4}-\d{4}\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    assert.match(lines[0], /^"Famille";"E-mail";"État";"Élève";"Choix";"Souhait";"Commentaire"/);
    assert.ok(lines[0].includes('"droit-image"') && lines[0].includes('"traitement-donnees"'));
    assert.ok(text.includes('"Changer";"\'=1+2";"\'@SUM(A1:A2); ""ok""\nligne 2"'), 'formulas neutralised, quotes doubled');
    const martinLine = lines.find((l) => l.includes('Martin') && l.includes('"Continuer"'));
    assert.ok(martinLine?.includes('"Terminée"') && martinLine.includes('"Accordé (v2)"'), martinLine);
    // Another site's campaign is not exported.
    const limayDesk = await signedIn(DEMO.secretariatLimay, 'Limay');
    assert.equal((await limayDesk.request(`/api/admin/reenrolment/campaigns/${campaign.id}/export.csv`)).status, 404);
  });

  test('a reminder queues one mail per family not done, once per click', async () => {
    const desk = await signedIn(DEMO.secretariat);
    const progress = (await desk.json(`/api/admin/reenrolment/campaigns/${campaign.id}/progress`)).body;
    const notDone = progress.families.filter((f: { state: string; email: string }) => f.state !== 'done' && f.email);
    assert.ok(notDone.length >= 1);
    const mailsBefore = t.mails.length;
    const requestId = crypto.randomUUID();
    const [a, b] = await Promise.all([
      desk.json(`/api/admin/reenrolment/campaigns/${campaign.id}/reminders`, { json: { requestId } }),
      desk.json(`/api/admin/reenrolment/campaigns/${campaign.id}/reminders`, { json: { requestId } }),
    ]);
    assert.equal(a.body.sent, notDone.length);
    assert.equal(b.body.sent, notDone.length);
    assert.equal([a.body.replay, b.body.replay].filter(Boolean).length, 1, 'the double click sends once');
    // Queued with the click, sent after the answer (server/reenrolment/reminders.ts).
    await until(() => t.mails.length >= mailsBefore + notDone.length);
    await new Promise((r) => setTimeout(r, 100));
    const sent = t.mails.slice(mailsBefore);
    assert.equal(sent.length, notDone.length);
    assert.equal(new Set(sent.map((m) => m.to)).size, sent.length, 'one mail per family');
    const [martinFamily] = await t.db.select({ email: family.email }).from(family).where(eq(family.id, martin.familyId));
    assert.ok(!sent.some((m) => m.to === martinFamily.email), 'a family done gets no reminder');
    assert.match(sent[0].text, /\/famille\/reinscription/);

    // A new click is a new reminder.
    const again = await desk.json(`/api/admin/reenrolment/campaigns/${campaign.id}/reminders`, { json: { requestId: crypto.randomUUID() } });
    assert.equal(again.body.replay, false);
    await until(() => t.mails.length >= mailsBefore + 2 * notDone.length);
    assert.equal(t.mails.length, mailsBefore + 2 * notDone.length);

    // Not a third time the same day: families are not mailed again and again.
    const third = await desk.json(`/api/admin/reenrolment/campaigns/${campaign.id}/reminders`, { json: { requestId: crypto.randomUUID() } });
    assert.equal(third.status, 429);
    assert.equal(third.body.error.code, 'too_many_reminders');
    assert.equal(t.mails.length, mailsBefore + 2 * notDone.length);
  });
});
