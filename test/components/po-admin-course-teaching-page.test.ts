/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../client/admin/pages/po-admin-course-teaching-page.ts';
import type { PoAdminCourseTeachingPage } from '../../client/admin/pages/po-admin-course-teaching-page.ts';
import { until } from '../helpers/until.ts';

// A class of five past lessons (Wednesdays of September 2025); the last one's roll call has Théo
// excused ("Malade") and Anna absent.
const COURSE = {
  id: 'course-01', siteId: 's1', schoolYear: '2025-2026', name: 'FM 1C1 A', departmentId: 'd1', teacherId: 't1', roomId: null, cycle: '1C1',
  weekday: 3, startTime: '13:30', durationMinutes: 60, startDate: '2025-09-03', endDate: '2025-09-24', capacity: null, closed: false, version: 1,
};
const seat = (n: number, firstName: string, lastName: string) => ({ enrollmentId: `e${n}`, studentId: `student-${n}`, firstName, lastName, active: true });
const absence = (n: number, excused: boolean, reason: string) => ({ id: `a${n}`, enrollmentId: `e${n}`, date: '2025-09-24', excused, reason, recordedBy: 'u1', createdAt: '2025-09-24T12:00:00Z', version: 1 });
const teaching = () => ({
  course: COURSE,
  teacher: { id: 't1', civility: 'Mme', firstName: 'Claire', lastName: 'Roussillon' },
  students: [seat(1, 'Anna', 'Bernard'), seat(2, 'Lucie', 'Lefèvre'), seat(3, 'Théo', 'Martin')],
  rollCalls: [{ id: 'r1', courseId: 'course-01', date: '2025-09-24', teacherId: 't1', takenAt: '2025-09-24T13:40:00Z', version: 1 }],
  absences: [absence(1, false, ''), absence(3, true, 'Malade')],
  evaluations: [],
  notes: [],
});

const realFetch = window.fetch;
let calls: Array<{ call: string; body?: unknown }> = [];
let answers: Array<() => Response | Promise<Response>> = [];

async function render() {
  const el = await fixture<PoAdminCourseTeachingPage>(html`<po-admin-course-teaching-page .courseId=${'course-01'}></po-admin-course-teaching-page>`);
  const form = () => el.shadowRoot!.querySelector('po-admin-roll-call-form')!.shadowRoot!;
  await until(() => !!el.shadowRoot!.querySelector('po-admin-roll-call-form')?.shadowRoot?.querySelector('form'));
  const checked = () => [...form().querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].map((r) => r.value);
  const submit = () => form().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  return { el, form, checked, submit };
}

describe('po-admin-course-teaching-page: correcting a roll call', () => {
  beforeEach(() => {
    calls = [];
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      // The page's "Événements" section reads the course's events on its own (po-admin-course-events).
      if (String(input).endsWith('/events')) return Response.json({ events: [] });
      calls.push({ call: `${init?.method ?? 'GET'} ${String(input)}`, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      return answers.shift()!();
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('starts from the recorded roll call of the newest lesson, sends the whole list as the PUT body, announces the save and reads the class again', async () => {
    answers = [() => Response.json(teaching()), () => Response.json({ ok: true }), () => Response.json(teaching())];
    const { el, form, checked, submit } = await render();
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('Classe : FM 1C1 A');
    const select = form().getElementById('date') as HTMLSelectElement;
    expect(select.value).to.equal('2025-09-24');
    expect(select.selectedOptions[0].textContent).to.contain('appel fait');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['2025-09-24', '2025-09-17', '2025-09-10', '2025-09-03']);
    expect(checked()).to.deep.equal(['absent', 'present', 'excused']);
    expect((form().getElementById('entries.2.reason') as HTMLInputElement).value).to.equal('Malade');
    // The roll calls' table says who was away, with the reason.
    expect(el.shadowRoot!.querySelector('table tbody tr')!.textContent).to.contain('Martin Théo (motif : Malade)');
    await expect(el).to.be.accessible();

    // Anna was there after all, with the keyboard: her first radio ("Présent") is selected by Space.
    const annaPresent = form().querySelector<HTMLInputElement>('fieldset input[value="present"]')!;
    annaPresent.focus();
    await sendKeys({ press: 'Space' });
    expect(checked()).to.deep.equal(['present', 'present', 'excused']);
    submit();
    await until(() => calls.length === 3);
    expect(calls[1].call).to.equal('PUT /api/admin/courses/course-01/roll-calls/2025-09-24');
    expect(calls[1].body).to.deep.equal({
      entries: [
        { studentId: 'student-1', status: 'present', reason: '' },
        { studentId: 'student-2', status: 'present', reason: '' },
        { studentId: 'student-3', status: 'excused', reason: 'Malade' },
      ],
    });
    expect(calls[2].call).to.equal('GET /api/admin/courses/course-01/teaching');
    await until(() => !!form().querySelector('[role="status"] .notice.success'));
    expect(form().querySelector('[role="status"]')!.textContent).to.contain('Correction enregistrée pour la séance du 24 septembre 2025 : 1 absent(s) sur 3 élève(s).');
  });

  it('another lesson starts from its own record (here none: everyone present)', async () => {
    answers = [() => Response.json(teaching())];
    const { form, checked } = await render();
    const select = form().getElementById('date') as HTMLSelectElement;
    select.value = '2025-09-17';
    select.dispatchEvent(new Event('change'));
    await until(() => checked().every((s) => s === 'present'));
    expect(form().getElementById('date-state')!.textContent).to.contain('Pas d’appel pour cette séance');
  });

  it('a 422 shows the field’s message next to the lesson and in the focused summary; the choices stay', async () => {
    const refusal = {
      error: {
        code: 'validation',
        message: 'Certains champs sont à corriger.',
        fields: { date: 'La date doit être comprise entre le 2025-09-03 et le 2025-09-24.' },
        fieldCodes: { date: { code: 'dateRange', params: { field: 'date', from: '2025-09-03', to: '2025-09-24' } } },
      },
    };
    answers = [() => Response.json(teaching()), () => Response.json(refusal, { status: 422 })];
    const { el, form, checked, submit } = await render();
    submit();
    await until(() => !!form().getElementById('error-summary'));
    const summary = form().getElementById('error-summary')!;
    expect(summary.textContent).to.contain('Certains champs sont à corriger.');
    expect(summary.querySelector('a')!.getAttribute('href')).to.equal('#date');
    await until(() => form().activeElement === summary);
    expect(form().getElementById('date')!.getAttribute('aria-invalid')).to.equal('true');
    expect(checked()).to.deep.equal(['absent', 'present', 'excused']);
    await expect(el).to.be.accessible();
  });

  it('a 404 (a student no longer in the class) is said in the summary', async () => {
    answers = [() => Response.json(teaching()), () => Response.json({ error: { code: 'not_found', message: 'Élève introuvable.' } }, { status: 404 })];
    const { form, submit } = await render();
    submit();
    await until(() => !!form().getElementById('error-summary'));
    expect(form().getElementById('error-summary')!.textContent).to.contain('Élève introuvable.');
  });

  it('offline: says nothing was saved, keeps the choices, and a second press sends them once back', async () => {
    answers = [() => Response.json(teaching()), () => Promise.reject(new TypeError('Failed to fetch')), () => Response.json({ ok: true }), () => Response.json(teaching())];
    const { form, checked, submit } = await render();
    const excused = form().querySelectorAll('fieldset')[1].querySelector<HTMLInputElement>('input[value="excused"]')!;
    excused.click();
    submit();
    await until(() => !!form().getElementById('error-summary'));
    expect(form().getElementById('error-summary')!.textContent).to.contain('Pas de réseau : la correction n’est pas enregistrée.');
    expect(checked()).to.deep.equal(['absent', 'excused', 'excused']);
    submit();
    await until(() => calls.length === 4);
    expect((calls[2].body as { entries: Array<{ status: string }> }).entries.map((e) => e.status)).to.deep.equal(['absent', 'excused', 'excused']);
  });
});

describe('po-admin-course-teaching-page: removing what a teacher wrote', () => {
  const written = () => ({
    ...teaching(),
    evaluations: [
      { id: 'v1', enrollmentId: 'e1', date: '2025-09-17', kind: 'Examen', mark: '15/20', appreciation: 'Très bien', comment: '', teacherId: 't1', batchId: 'batch-01', version: 1 },
      { id: 'v2', enrollmentId: 'e2', date: '2025-09-17', kind: 'Examen', mark: '', appreciation: 'En progrès', comment: '', teacherId: 't1', batchId: 'batch-01', version: 1 },
    ],
    notes: [{ id: 'note-01', enrollmentId: 'e3', date: '2025-09-10', teacherId: 't1', text: 'Travailler la lecture de notes.', version: 1 }],
  });

  beforeEach(() => {
    calls = [];
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/events')) return Response.json({ events: [] });
      calls.push({ call: `${init?.method ?? 'GET'} ${String(input)}` });
      return answers.shift()!();
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('an evaluation by batch, removed after a confirmation whose first choice is "Annuler"; pressed twice, deleted once', async () => {
    answers = [() => Response.json(written()), () => Response.json({ ok: true }), () => Response.json({ ...written(), evaluations: [] })];
    const { el } = await render();
    const root = el.shadowRoot!;
    const item = root.querySelector('#evaluations + ul li')!;
    expect(item.querySelector('h3')!.textContent).to.equal('Examen du 17 septembre 2025');
    expect([...item.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Bernard Anna Très bien 15/20', 'Lefèvre Lucie En progrès —']);
    expect(root.querySelector('#notes + ul li h3')!.textContent).to.equal('Martin Théo, le 10 septembre 2025');

    item.querySelector('button')!.click();
    const dialog = () => root.querySelector('po-evaluation-confirm-dialog')!.shadowRoot!;
    await until(() => !!dialog().querySelector('dialog[open]'));
    expect(dialog().activeElement?.textContent).to.equal('Annuler');
    expect(dialog().querySelector('h2')!.textContent).to.equal('Supprimer l’évaluation ?');
    const confirm = dialog().querySelectorAll('button')[1];
    confirm.click();
    confirm.click();
    await until(() => !!root.querySelector('[role="status"] .notice.success'));
    expect(calls.map((c) => c.call)).to.deep.equal(['GET /api/admin/courses/course-01/teaching', 'DELETE /api/admin/evaluations/batch-01', 'GET /api/admin/courses/course-01/teaching']);
    expect(root.querySelector('[role="status"]')!.textContent).to.contain('Évaluation supprimée');
    await until(() => root.querySelector('#evaluations + p')?.textContent === 'Aucune évaluation dans cette classe.');
  });

  it('a note whose removal is refused says so, and stays', async () => {
    answers = [() => Response.json(written()), () => Response.json({ error: { code: 'not_found', message: 'Introuvable.' } }, { status: 404 })];
    const { el } = await render();
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('#notes + ul li button')!.click();
    const dialog = () => root.querySelector('po-evaluation-confirm-dialog')!.shadowRoot!;
    await until(() => !!dialog().querySelector('dialog[open]'));
    dialog().querySelectorAll('button')[1].click();
    await until(() => !!root.querySelector('[role="status"] .notice.error'));
    expect(root.querySelector('[role="status"]')!.textContent).to.contain('La suppression n’a pas été faite : Introuvable.');
    expect(calls[1].call).to.equal('DELETE /api/admin/follow-up-notes/note-01');
    expect(root.querySelector('#notes + ul li')).to.exist;
  });
});
