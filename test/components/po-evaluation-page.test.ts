/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { schoolYearOf } from '../../shared/school-year.ts';
import { TEACHING_MUTATIONS, type EvaluationArgs } from '../../shared/teaching-schemas.ts';
import { session } from '../../client/app/session.ts';
import { db, setMeta } from '../../client/data/db.ts';
import { REJECTIONS_KEY } from '../../client/data/outbox-keys.ts';
import '../../client/teacher/pages/po-evaluation-page.ts';
import '../../client/teacher/pages/po-evaluation-list-page.ts';
import type { PoEvaluationPage } from '../../client/teacher/pages/po-evaluation-page.ts';
import type { PoEvaluationListPage } from '../../client/teacher/pages/po-evaluation-list-page.ts';
import '../../client/teacher/pages/po-student-notes-page.ts';
import type { PoStudentNotesPage } from '../../client/teacher/pages/po-student-notes-page.ts';
import type { NoteArgs } from '../../shared/teaching-schemas.ts';
import { until } from '../helpers/until.ts';

const year = schoolYearOf(new Date());
const base = { version: 1 };
const student = (id: string, firstName: string, lastName: string) => ({
  ...base, id, familyId: 'f1', civility: '', lastName, firstName, birthDate: '2015-01-01', birthPlace: '', useFamilyContact: true,
  address: '', postalCode: '', city: '', phoneHome: '', phoneWork: '', mobile: '', email: '', school: '', schoolLevel: '', emergencyContacts: [],
});

async function seed() {
  for (const table of db.tables) await table.clear();
  await setMeta('cursor', 1);
  await db.courses.put({ ...base, id: 'course-fm', siteId: 's1', schoolYear: year, name: 'FM 1C1 A', departmentId: 'd1', teacherId: 't1', roomId: null, cycle: '1C1', weekday: 3, startTime: '13:30', durationMinutes: 60, startDate: null, endDate: null, capacity: null, closed: false });
  await db.students.bulkPut([student('student-lucie', 'Lucie', 'Lefèvre'), student('student-theo', 'Théo', 'Martin'), student('student-ada', 'Ada', 'Bernard')]);
  await db.enrollments.bulkPut(
    ['student-lucie', 'student-theo', 'student-ada'].map((s, i) => ({ ...base, id: `enrollment-${i}`, studentId: s, courseId: 'course-fm', schoolYear: year, active: true, yearComment: '' })),
  );
}

const realFetch = window.fetch;
const q = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector(selector) as T;

async function type(el: Element, selector: string, text: string) {
  const input = q<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  input.focus();
  await sendKeys({ type: text });
}

describe('po-evaluation-page', () => {
  beforeEach(async () => {
    await seed();
    // Offline: the outbox keeps what the form queues, so the test reads exactly what it would send.
    window.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    session.set({ phase: 'signed-in', reason: null, info: { user: { id: 'u1', username: 'prof', name: 'Prof', role: 'teacher', siteId: 's1', siteName: 'Mantes', familyId: null, teacherId: 't1', a11yMode: false, locale: 'fr' }, expiresAt: '', idleTimeoutSeconds: 1800, idleWarningSeconds: 120 } });
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('nothing written: the focused error summary says so and links to the first appreciation; nothing is queued', async () => {
    const el = await fixture<PoEvaluationPage>(html`<po-evaluation-page .courseId=${'course-fm'}></po-evaluation-page>`);
    await until(() => !!q(el, 'form'));
    expect(q(el, 'h1').textContent).to.equal('Nouvelle évaluation');
    // One line per student, by last name, each field named with the student.
    const labels = Array.from(el.shadowRoot!.querySelectorAll('label[for$=".appreciation"]')).map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels).to.deep.equal(['Appréciation — Ada Bernard', 'Appréciation — Lucie Lefèvre', 'Appréciation — Théo Martin']);
    await expect(el).to.be.accessible();

    q<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await until(() => !!q(el, '#error-summary'));
    const summary = q<HTMLElement>(el, '#error-summary');
    expect(summary.textContent).to.contain('Écrivez une appréciation ou une note pour au moins un élève.');
    await until(() => el.shadowRoot!.activeElement === summary);
    expect(summary.querySelector('a')!.getAttribute('href')).to.equal('#entries.0.appreciation');
    expect(await db.outbox.count()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('builds one entry per student with an appreciation or a mark (trimmed), queues it offline, then lists it', async () => {
    const el = await fixture<PoEvaluationPage>(html`<po-evaluation-page .courseId=${'course-fm'}></po-evaluation-page>`);
    await until(() => !!q(el, 'form'));
    const date = q<HTMLInputElement>(el, '#date');
    date.value = '2026-12-02';
    date.dispatchEvent(new InputEvent('input'));
    const kind = q<HTMLSelectElement>(el, '#kind');
    kind.value = 'Audition';
    kind.dispatchEvent(new Event('change'));
    await type(el, '#entries\\.0\\.appreciation', '  Très belle écoute ');
    await type(el, '#entries\\.2\\.mark', '15/20');
    q<HTMLButtonElement>(el, 'button[type="submit"]').click();

    await until(() => el.shadowRoot!.textContent!.includes('Évaluation enregistrée sur cet appareil'));
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => r.name)).to.deep.equal([TEACHING_MUTATIONS.saveEvaluation]);
    const args = rows[0].args as EvaluationArgs;
    expect(args.courseId).to.equal('course-fm');
    expect(args.date).to.equal('2026-12-02');
    expect(args.kind).to.equal('Audition');
    expect(args.entries).to.deep.equal([
      { studentId: 'student-ada', appreciation: 'Très belle écoute', mark: '' },
      { studentId: 'student-theo', appreciation: '', mark: '15/20' },
    ]);
    // The new evaluation now has its own address: saving again replaces it rather than adding one.
    expect(location.pathname).to.equal(`/enseignant/cours/course-fm/evaluations/${args.batchId}`);
    q<HTMLButtonElement>(el, 'button[type="submit"]').click();
    for (let i = 0; i < 100 && (await db.outbox.count()) < 2; i++) await new Promise((r) => setTimeout(r, 20));
    const again = await db.outbox.toArray();
    expect(again).to.have.length(2);
    expect(new Set(again.map((r) => (r.args as EvaluationArgs).batchId)).size).to.equal(1);
    history.replaceState({}, '', '/');

    const list = await fixture<PoEvaluationListPage>(html`<po-evaluation-list-page .courseId=${'course-fm'}></po-evaluation-list-page>`);
    const table = () => list.shadowRoot!.querySelector('po-evaluation-list')?.shadowRoot as ShadowRoot;
    await until(() => !!table()?.querySelector('tbody tr'));
    const row = table().querySelector('tbody tr')!;
    expect(row.textContent).to.contain('Audition').and.contain('2 / 3').and.contain('En attente d’envoi');
    await expect(list).to.be.accessible();
  });

  it('deleting asks first (Annuler focused), then queues the deletion and the evaluation leaves the list; earlier ones stay as they are', async () => {
    await db.evaluations.bulkPut([
      { ...base, id: 'ev1', enrollmentId: 'enrollment-0', date: '2026-11-25', kind: 'Contrôle continu', mark: '16/20', appreciation: '', comment: '', teacherId: 't1', batchId: 'batch-1' },
      { ...base, id: 'ev0', enrollmentId: 'enrollment-1', date: '2026-10-14', kind: 'Examen', mark: '', appreciation: 'Bien', comment: '', teacherId: 't1', batchId: null },
    ]);
    const list = await fixture<PoEvaluationListPage>(html`<po-evaluation-list-page .courseId=${'course-fm'}></po-evaluation-list-page>`);
    const table = () => list.shadowRoot!.querySelector('po-evaluation-list')?.shadowRoot as ShadowRoot;
    await until(() => !!table()?.querySelector('tbody tr'));
    const remove = Array.from(table().querySelectorAll('button')).find((b) => b.textContent!.includes('Supprimer'))!;
    remove.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = list.shadowRoot!.querySelector('po-evaluation-confirm-dialog')!;
    await until(() => dialog.shadowRoot!.querySelector('dialog')!.open);
    expect(dialog.shadowRoot!.activeElement!.textContent).to.equal('Annuler');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => list.shadowRoot!.textContent!.includes('supprimé sur cet appareil'));
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => [r.name, r.args])).to.deep.equal([[TEACHING_MUTATIONS.deleteEvaluation, { batchId: 'batch-1' }]]);
    await until(() => table().querySelectorAll('tbody tr').length === 1);
    const earlier = table().querySelector('tbody tr')!;
    expect(earlier.textContent).to.contain('Examen').and.contain('Saisie avant Portée');
    expect(earlier.querySelector('button, a')).to.equal(null);
  });

  it('an evaluation refused after it left the device is said on the list until "J’ai compris"', async () => {
    const args: EvaluationArgs = { batchId: 'batch-9', courseId: 'course-fm', date: '2026-12-02', kind: 'Examen', entries: [{ studentId: 'student-ada', appreciation: 'Bien', mark: '' }] };
    await setMeta(REJECTIONS_KEY, [{ mutationId: 4, name: TEACHING_MUTATIONS.saveEvaluation, args, error: { code: 'not_found', message: 'Élève introuvable.' }, at: '' }]);
    const list = await fixture<PoEvaluationListPage>(html`<po-evaluation-list-page .courseId=${'course-fm'}></po-evaluation-list-page>`);
    const refusals = () => list.shadowRoot!.querySelector('po-evaluation-refusals')?.shadowRoot as ShadowRoot | undefined;
    await until(() => !!refusals()?.querySelector('li'));
    expect(refusals()!.textContent).to.contain('Des modifications n’ont pas été acceptées').and.contain('Élève introuvable.');
    await expect(list).to.be.accessible();
    refusals()!.querySelector('button')!.click();
    await until(() => !refusals()?.querySelector('li'));
  });

  it('student page: a follow-up note added offline shows at once, newest first; "Modifier" corrects the same note', async () => {
    await db.followUpNotes.put({ ...base, id: 'n-old', enrollmentId: 'enrollment-0', date: '2026-10-01', teacherId: 't1', text: 'Bon début.' });
    const el = await fixture<PoStudentNotesPage>(html`<po-student-notes-page .courseId=${'course-fm'} .studentId=${'student-lucie'}></po-student-notes-page>`);
    await until(() => !!q(el, 'form'));
    expect(q(el, 'h1').textContent).to.equal('Lucie Lefèvre');
    const notes = () => el.shadowRoot!.querySelector('po-note-list')!.shadowRoot!;
    // Sent empty: the summary, nothing queued.
    q<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await until(() => !!q(el, '#error-summary'));
    expect(await db.outbox.count()).to.equal(0);

    const date = q<HTMLInputElement>(el, '#note-date');
    date.value = '2026-12-02';
    date.dispatchEvent(new InputEvent('input'));
    await type(el, '#note-text', 'Dictée réussie.');
    q<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot!.textContent!.includes('Note ajoutée sur cet appareil'));
    await until(() => notes().querySelectorAll('li').length === 2);
    expect(Array.from(notes().querySelectorAll('li .text')).map((p) => p.textContent)).to.deep.equal(['Dictée réussie.', 'Bon début.']);
    expect(notes().querySelector('li')!.textContent).to.contain('En attente d’envoi');
    expect(q<HTMLTextAreaElement>(el, '#note-text').value).to.equal('');

    (notes().querySelector('li button') as HTMLButtonElement).click();
    await until(() => el.shadowRoot!.activeElement?.id === 'note-text');
    expect(q(el, '#note-form-title').textContent).to.contain('Modifier la note du');
    await sendKeys({ type: ' Bravo.' });
    q<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot!.textContent!.includes('Note modifiée sur cet appareil'));
    const saved = (await db.outbox.toArray()).map((r) => r.args as NoteArgs);
    expect(saved).to.have.length(2);
    expect(saved[1].id).to.equal(saved[0].id);
    expect(saved[1].text).to.equal('Dictée réussie. Bravo.');
    await until(() => notes().querySelector('li .text')!.textContent === 'Dictée réussie. Bravo.');
    await expect(el).to.be.accessible();
  });
});
