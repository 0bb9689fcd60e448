/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CONSENT_MUTATIONS } from '../../shared/consent-schemas.ts';
import type { MutationError, PushResponse } from '../../shared/push-protocol.ts';
import { parisDay } from '../../shared/reenrolment-progress.ts';
import { REENROLMENT_MUTATIONS } from '../../shared/reenrolment-schemas.ts';
import { schoolYearOf, shiftSchoolYear } from '../../shared/school-year.ts';
import { session } from '../../client/app/session.ts';
import { db, setMeta } from '../../client/data/db.ts';
import '../../client/reenrolment/pages/po-reenrolment-page.ts';
import type { PoReenrolmentPage } from '../../client/reenrolment/pages/po-reenrolment-page.ts';
import { reenrolmentTodo } from '../../client/reenrolment/data/reenrolment-status.ts';
import { until } from '../helpers/until.ts';

const DAY = 86_400_000;
const year = schoolYearOf(new Date());
const base = { version: 1 };
const FAMILY = {
  id: 'f1', version: 7, siteId: 's1', civility: 'Mme', lastName: 'Lefèvre', firstName: 'Camille', smsOptIn: false,
  address: '3 rue des Lilas', postalCode: '78200', city: 'Mantes-la-Jolie', phoneHome: '', phoneWork: '', mobile: '06 12 34 56 78', email: 'camille@exemple.fr',
};
const student = (id: string, firstName: string) => ({ ...base, id, familyId: 'f1', civility: '', lastName: 'Lefèvre', firstName, birthDate: '2015-01-01', birthPlace: 'Mantes', useFamilyContact: true, address: '', postalCode: '', city: '', phoneHome: '', phoneWork: '', mobile: '', email: '', school: '', schoolLevel: '', emergencyContacts: [] });
const COURSE = { ...base, id: 'c1', siteId: 's1', schoolYear: year, name: 'Piano 1C2', departmentId: 'd1', teacherId: 't1', roomId: 'r1', cycle: '1C2', weekday: 3, startTime: '13:30', durationMinutes: 30, startDate: null, endDate: null, capacity: null, closed: false };
const CAMPAIGN = { ...base, id: 'camp-0001', siteId: 's1', schoolYear: shiftSchoolYear(year, 1), opensOn: parisDay(new Date(Date.now() - 7 * DAY)), closesOn: parisDay(new Date(Date.now() + 20 * DAY)), createdBy: 'u9', createdAt: '' };
const kind = (id: string, code: string, scope: string, wordingVersion = 1, position = 1) => ({ ...base, id, siteId: 's1', code, scope, wordingFr: `Texte de ${code}`, wordingEn: `Wording of ${code}`, wordingVersion, position, active: true });

let online = false;
let pushed: Array<{ name: string; args: Record<string, unknown> }> = [];
let reply: (m: { mutationId: number; name: string }) => { mutationId: number; ok: true } | { mutationId: number; error: MutationError };
const realFetch = window.fetch;
async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (!online) throw new TypeError('Failed to fetch');
  if (url.startsWith('/api/sync/push')) {
    const body = JSON.parse(String(init!.body)) as { mutations: Array<{ mutationId: number; name: string; args: Record<string, unknown> }> };
    pushed.push(...body.mutations);
    const answer: PushResponse = { lastMutationId: body.mutations[body.mutations.length - 1].mutationId, results: body.mutations.map((m) => reply(m)) };
    return Response.json(answer);
  }
  if (url.startsWith('/api/sync')) return Response.json({ cursor: 1, snapshot: false, changes: {}, deleted: {} });
  return new Response(null, { status: 404 });
}

async function seed(opts: { synced?: boolean; campaign?: typeof CAMPAIGN | null } = {}) {
  for (const table of db.tables) await table.clear();
  if (opts.synced !== false) await setMeta('cursor', 1);
  await db.families.put(FAMILY);
  await db.students.bulkPut([student('s-lucie', 'Lucie'), student('s-hugo', 'Hugo')]);
  await db.courses.put(COURSE);
  await db.enrollments.put({ ...base, id: 'e1', studentId: 's-lucie', courseId: 'c1', schoolYear: year, active: true, yearComment: '' });
  if (opts.campaign !== null) await db.reenrolmentCampaigns.put(opts.campaign ?? CAMPAIGN);
  // Image rights per student (answered by Lucie to version 1, now version 2); data processing for the family.
  await db.consentKinds.bulkPut([kind('k-image', 'droit-image', 'student', 2, 1), kind('k-data', 'traitement-donnees', 'family', 1, 2)]);
  await db.consentAnswers.put({ ...base, id: 'a1', consentKindId: 'k-image', familyId: 'f1', studentId: 's-lucie', wordingVersion: 1, given: true, answeredBy: 'u1', answeredAt: '2026-01-01T10:00:00Z' });
}

/** Waits until the outbox holds `n` mutations (a Dexie read is asynchronous: `until` polls synchronous checks). */
async function outboxHolds(n: number, ms = 3000) {
  const end = Date.now() + ms;
  while ((await db.outbox.count()) !== n) {
    if (Date.now() > end) throw new Error(`the outbox never held ${n} mutations`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function render() {
  const el = await fixture<PoReenrolmentPage>(html`<po-reenrolment-page></po-reenrolment-page>`);
  const root = el.shadowRoot!;
  const part = <T extends Element>(tag: string) => root.querySelector(tag) as (T & { shadowRoot: ShadowRoot }) | null;
  const choices = () => part('po-reenrolment-choices')!.shadowRoot;
  const review = () => part('po-reenrolment-review')!.shadowRoot;
  const consents = () => part('po-consents-form')!.shadowRoot;
  const status = () => root.querySelector('[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const submit = (r: ShadowRoot) => r.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  const type = (r: ShadowRoot, id: string, value: string) => {
    const input = r.getElementById(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  return { el, root, choices, review, consents, status, submit, type };
}

describe('po-reenrolment-page', () => {
  beforeEach(() => {
    session.set({ phase: 'signed-in', reason: null, info: { user: { id: 'u1', username: 'famille', name: 'Camille', role: 'family', siteId: 's1', siteName: 'Mantes', familyId: 'f1', teacherId: null, a11yMode: false, locale: 'fr' }, expiresAt: '', idleTimeoutSeconds: 1800, idleWarningSeconds: 120 } });
    online = false;
    pushed = [];
    reply = (m) => ({ mutationId: m.mutationId, ok: true });
    window.fetch = fakeFetch as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('before the first sync: the pending notice, not an empty page', async () => {
    await seed({ synced: false });
    const { root } = await render();
    await until(() => !!root.querySelector('po-data-pending'));
    expect(root.querySelector('po-reenrolment-choices')).to.equal(null);
  });

  it('no campaign open: says so with the next campaign’s dates', async () => {
    await seed({ campaign: { ...CAMPAIGN, opensOn: parisDay(new Date(Date.now() + 10 * DAY)), closesOn: parisDay(new Date(Date.now() + 40 * DAY)) } });
    const { root } = await render();
    await until(() => !!root.textContent?.includes('Aucune réinscription'));
    expect(root.textContent).to.contain(`La réinscription pour l’année ${CAMPAIGN.schoolYear} sera ouverte du`);
    expect(await reenrolmentTodo()).to.deep.equal({ campaignOpen: false, done: false, consentsToAnswer: 2 + 1 });
  });

  it('students: a fieldset each, the courses listed, chosen with the arrow keys; errors linked and focused', async () => {
    await seed();
    const { el, choices, submit, type } = await render();
    await until(() => !!el.shadowRoot!.querySelector('po-reenrolment-choices')?.shadowRoot?.querySelector('fieldset'));
    const r = choices();
    expect([...r.querySelectorAll('fieldset legend')].map((l) => l.textContent!.trim())).to.deep.equal(['Hugo Lefèvre', 'Lucie Lefèvre']);
    expect(r.querySelectorAll('input[type="radio"]:checked').length).to.equal(0, 'nothing pre-selected');
    expect(r.querySelectorAll('fieldset')[1].textContent).to.contain('Continuer les mêmes cours : Piano 1C2');

    submit(r);
    await until(() => !!r.getElementById('error-summary'));
    expect(r.activeElement?.id).to.equal('error-summary');
    const links = [...r.querySelectorAll('#error-summary a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#students.0.choice', '#students.1.choice']);
    expect(r.getElementById('students.0.choice')!.closest('fieldset')!.getAttribute('aria-describedby')).to.equal('students.0.choice-error');

    // Keyboard: focus Hugo's first choice, arrow down to "Arrêter", then "Changer".
    (r.getElementById('students.0.choice') as HTMLInputElement).focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await until(() => !!r.getElementById('students.0.wish'));
    expect((r.querySelector('input[name="choice-s-hugo"]:checked') as HTMLInputElement).value).to.equal('change');
    (r.querySelectorAll('fieldset')[1].querySelector('input[value="continue"]') as HTMLInputElement).click();
    submit(r);
    await until(() => !!r.querySelector('#error-summary a[href="#students.0.wish"]'));
    expect(r.getElementById('students.0.wish')!.getAttribute('aria-invalid')).to.equal('true');
    expect(pushed.length + (await db.outbox.count())).to.equal(0, 'nothing queued while the form has errors');
    await expect(el).to.be.accessible();

    type(r, 'students.0.wish', 'Violoncelle');
    submit(r);
    await outboxHolds(2);
    const rows = await db.outbox.orderBy('mutationId').toArray();
    expect(rows.map((m) => m.name)).to.deep.equal([REENROLMENT_MUTATIONS.answer, REENROLMENT_MUTATIONS.answer]);
    expect(rows[0].args).to.include({ studentId: 's-hugo', choice: 'change', wish: 'Violoncelle', campaignId: CAMPAIGN.id });
    await until(() => r.textContent!.includes('Enregistré sur cet appareil'));
    await until(() => r.textContent!.includes('Réponse enregistrée : Changer (en attente d’envoi)'));
  });

  it('consents: not pre-selected, the changed wording asked again; the whole re-enrolment done offline', async () => {
    await seed();
    const { el, choices, review, consents, status, submit } = await render();
    await until(() => !!el.shadowRoot!.querySelector('po-consents-form')?.shadowRoot?.querySelector('fieldset'));
    const c = consents();
    const legends = [...c.querySelectorAll('fieldset legend')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
    expect(legends).to.deep.equal(['Pour Hugo Lefèvre Texte de droit-image', 'Pour Lucie Lefèvre Texte de droit-image', 'Pour la famille Texte de traitement-donnees']);
    expect(c.querySelectorAll('input[type="radio"]:checked').length).to.equal(0, 'an outdated answer is not shown as chosen');
    expect(c.querySelectorAll('fieldset')[1].textContent).to.contain('Le texte de cette autorisation a changé');
    expect(status()).to.contain('2 élève(s) à réinscrire');
    expect(status()).to.contain('3 autorisation(s) à donner');

    submit(c);
    await until(() => c.querySelectorAll('#error-summary li').length === 3);

    // Everything, offline: each student, the confirmation, the consents.
    const s = choices();
    for (const id of ['s-hugo', 's-lucie']) (s.querySelector(`input[name="choice-${id}"][value="continue"]`) as HTMLInputElement).click();
    submit(s);
    await outboxHolds(2);

    const v = review();
    expect(v.textContent).to.contain('3 rue des Lilas');
    expect([...v.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['/famille', '/eleves/s-hugo', '/eleves/s-lucie']);
    submit(v);
    await until(() => v.getElementById('confirm')?.getAttribute('aria-invalid') === 'true');
    expect(v.getElementById('confirm')!.getAttribute('aria-describedby')).to.equal('confirm-error');
    (v.getElementById('confirm') as HTMLInputElement).click();
    submit(v);
    await outboxHolds(3);

    for (const f of c.querySelectorAll('fieldset')) (f.querySelector('input[value="given"]') as HTMLInputElement).click();
    (c.querySelectorAll('fieldset')[2].querySelector('input[value="refused"]') as HTMLInputElement).click();
    submit(c);
    await outboxHolds(6);
    const consentRows = (await db.outbox.toArray()).filter((m) => m.name === CONSENT_MUTATIONS.answer).map((m) => m.args);
    expect(consentRows).to.deep.include({ consentKindId: 'k-image', studentId: 's-lucie', wordingVersion: 2, given: true });
    expect(consentRows).to.deep.include({ consentKindId: 'k-data', studentId: null, wordingVersion: 1, given: false });

    await until(() => status().includes('complète sur cet appareil'));
    expect(await reenrolmentTodo()).to.deep.equal({ campaignOpen: true, closesOn: CAMPAIGN.closesOn, done: true, consentsToAnswer: 0 });
  });

  it('a refusal from the server is shown at its question', async () => {
    await seed();
    online = true;
    reply = (m) => (m.name === CONSENT_MUTATIONS.answer ? { mutationId: m.mutationId, error: { code: 'consent_outdated', message: 'Le texte de cet accord a changé depuis que vous l’avez lu.' } } : { mutationId: m.mutationId, ok: true });
    const { el, consents, submit } = await render();
    await until(() => !!el.shadowRoot!.querySelector('po-consents-form')?.shadowRoot?.querySelector('fieldset'));
    const c = consents();
    for (const f of c.querySelectorAll('fieldset')) (f.querySelector('input[value="given"]') as HTMLInputElement).click();
    submit(c);
    await until(() => !!c.querySelector('#error-summary a[href="#consents.0"]'));
    expect(c.getElementById('error-summary')!.textContent).to.contain('Le texte de cet accord a changé');
    expect(pushed.filter((m) => m.name === CONSENT_MUTATIONS.answer).length).to.equal(1, 'stops at the first refusal');
  });
});
