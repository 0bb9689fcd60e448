/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../client/admin/pages/po-admin-course-page.ts';
import '../../client/admin/pages/po-admin-course-form-page.ts';
import type { PoAdminCoursePage } from '../../client/admin/pages/po-admin-course-page.ts';
import type { PoAdminCourseFormPage } from '../../client/admin/pages/po-admin-course-form-page.ts';
import { until } from '../helpers/until.ts';

const realFetch = window.fetch;
let calls: string[] = [];
let bodies: unknown[] = [];
let answers: Array<() => Response | Promise<Response>> = [];

const course = (overrides: Record<string, unknown> = {}) => ({
  id: 'c1', name: 'Petit chœur', schoolYear: '2026/2027', departmentId: 'd1', department: 'Pratiques collectives', teacherId: 't1', teacher: 'Mme Claire Roussillon',
  roomId: 'r1', room: 'Salle Fauré', weekday: 5, startTime: '18:00', durationMinutes: 60, cycle: '', capacity: 2, closed: false, enrolled: 2, waiting: 0,
  startDate: null, endDate: null, ...overrides,
});
const person = (studentId: string, firstName: string) => ({ studentId, firstName, lastName: 'Lefèvre', familyId: 'f1', familyName: 'Lefèvre' });
const detail = (waiting: Array<ReturnType<typeof person>> = []) => ({ course: course({ waiting: waiting.length }), students: [person('s1', 'Lucie'), person('s2', 'Hugo')], waiting });
const lists = {
  schoolYear: '2026/2027', currentSchoolYear: '2026/2027', courses: [],
  departments: [{ id: 'd1', name: 'Pratiques collectives' }],
  teachers: [{ id: 't1', civility: 'Mme', firstName: 'Claire', lastName: 'Roussillon' }],
  rooms: [{ id: 'r1', name: 'Salle Fauré', building: '' }],
};

const root = (el: HTMLElement) => el.shadowRoot!;
const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

/** The desk's API answered in order by `answers`; each request noted in `calls`, each body in `bodies`. */
function stubFetch() {
  calls = [];
  bodies = [];
  window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
    if (init?.body) bodies.push(JSON.parse(String(init.body)));
    return answers.shift()!();
  }) as typeof fetch;
}

describe('po-admin-course-page', () => {
  beforeEach(stubFetch);
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('shows the places, students and waiting list; a student found with the keyboard is put on the waiting list, announced', async () => {
    answers = [
      () => Response.json(detail()),
      () => Response.json({ students: [{ id: 's3', firstName: 'Manon', lastName: 'Lefèvre', birthDate: '2009-04-02', familyId: 'f1', familyName: 'Lefèvre' }], total: 1 }),
      () => Response.json({ outcome: 'waiting', position: 1, student: { id: 's3', firstName: 'Manon', lastName: 'Lefèvre' } }, { status: 201 }),
      () => Response.json(detail([person('s3', 'Manon')])),
    ];
    const el = await fixture<PoAdminCoursePage>(html`<po-admin-course-page .courseId=${'c1'}></po-admin-course-page>`);
    await until(() => !!root(el).querySelector('po-student-search'));
    expect(root(el).querySelector('h1')!.textContent).to.equal('Petit chœur — 2026/2027');
    expect(root(el).querySelector('.places')!.textContent).to.equal('2 / 2 places');
    expect(root(el).querySelector('#students-title')!.textContent).to.equal('Élèves inscrits (2)');
    expect(root(el).querySelector('a[href="/admin/cours/c1"]')!.textContent).to.equal('Suivi pédagogique');
    await expect(el).to.be.accessible();

    const search = root(el).querySelector('po-student-search')!;
    (search.shadowRoot!.querySelector('input') as HTMLInputElement).focus();
    await sendKeys({ type: 'manon' });
    await sendKeys({ press: 'Enter' });
    await until(() => !!search.shadowRoot!.querySelector('ul.results button'));
    expect(search.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('1 élève(s) trouvé(s).');
    await expect(search).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Inscrire Manon Lefèvre');
    await sendKeys({ press: 'Enter' });
    await until(() => calls.length === 4 && !!root(el).querySelector('ol.people li'));
    expect(calls.slice(1)).to.deep.equal(['GET /api/admin/students?q=manon', 'POST /api/admin/courses/c1/enrollments', 'GET /api/admin/courses/c1']);
    expect(bodies).to.deep.equal([{ studentId: 's3' }]);
    await until(() => !!root(el).querySelector('[role="status"] .notice'));
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Le cours est complet : Manon Lefèvre est sur la liste d’attente, en position 1.');
    await until(() => (deepActive() as HTMLInputElement | null)?.type === 'search');
    expect(search.shadowRoot!.querySelector('ul.results')).to.equal(null);
  });

  it('"Retirer" asks first (Annuler focused); confirmed, says who took the place', async () => {
    answers = [
      () => Response.json(detail([person('s3', 'Manon')])),
      () => Response.json({ withdrawn: { id: 's2', firstName: 'Hugo', lastName: 'Lefèvre' }, promoted: { id: 's3', firstName: 'Manon', lastName: 'Lefèvre' } }),
      () => Response.json({ ...detail(), students: [person('s1', 'Lucie'), person('s3', 'Manon')] }),
    ];
    const el = await fixture<PoAdminCoursePage>(html`<po-admin-course-page .courseId=${'c1'}></po-admin-course-page>`);
    await until(() => !!root(el).querySelector('ul.people button'));
    const hugo = [...root(el).querySelectorAll('ul.people button')].find((b) => b.textContent!.includes('Hugo')) as HTMLButtonElement;
    hugo.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = root(el).querySelector('po-evaluation-confirm-dialog')!;
    await until(() => !!dialog.shadowRoot!.querySelector('dialog[open]'));
    expect(dialog.shadowRoot!.querySelector('h2')!.textContent).to.equal('Retirer Hugo Lefèvre du cours ?');
    expect(deepActive()!.id).to.equal('cancel');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => calls.length === 3 && !!root(el).querySelector('[role="status"] .notice'));
    expect(calls[1]).to.equal('DELETE /api/admin/courses/c1/enrollments/s2');
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain(
      'Hugo Lefèvre est retiré(e) du cours. Manon Lefèvre, premier(ère) de la liste d’attente, est inscrit(e) à sa place.',
    );
    await until(() => deepActive()?.id === 'students-title');
  });

  it('a refusal is said in words and nothing is shown as done; offline, the action changes nothing', async () => {
    answers = [
      () => Response.json(detail()),
      () => Response.json({ students: [{ id: 's1', firstName: 'Lucie', lastName: 'Lefèvre', birthDate: '2019-03-12', familyId: 'f1', familyName: 'Lefèvre' }], total: 1 }),
      () => Response.json({ error: { code: 'already_enrolled', message: 'Lucie Lefèvre est déjà inscrit(e) à ce cours.' } }, { status: 409 }),
      () => Response.json(detail()),
      () => Promise.reject(new TypeError('Failed to fetch')),
    ];
    const el = await fixture<PoAdminCoursePage>(html`<po-admin-course-page .courseId=${'c1'}></po-admin-course-page>`);
    await until(() => !!root(el).querySelector('po-student-search'));
    const search = root(el).querySelector('po-student-search')!;
    (search.shadowRoot!.querySelector('input') as HTMLInputElement).value = 'lucie';
    (search.shadowRoot!.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => !!search.shadowRoot!.querySelector('ul.results button'));
    const choose = search.shadowRoot!.querySelector('ul.results button') as HTMLButtonElement;
    choose.click();
    await until(() => !!root(el).querySelector('[role="status"] .notice.warning'));
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Lucie Lefèvre est déjà inscrit(e) à ce cours.');
    choose.click();
    await until(() => root(el).querySelector('[role="status"]')!.textContent!.includes('connexion au réseau'));
    expect(search.shadowRoot!.querySelector('ul.results button')).to.not.equal(null, 'the results stay for another try');
  });
});

describe('po-admin-course-form-page', () => {
  beforeEach(stubFetch);
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('sent empty: the focused error summary links each field; nothing sent', async () => {
    answers = [() => Response.json(lists)];
    const el = await fixture<PoAdminCourseFormPage>(html`<po-admin-course-form-page></po-admin-course-form-page>`);
    await until(() => !!root(el).querySelector('form'));
    expect(root(el).querySelector('h1')!.textContent).to.equal('Nouveau cours');
    expect((root(el).getElementById('schoolYear') as HTMLSelectElement).value).to.equal('2026/2027');
    (root(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => deepActive()?.id === 'error-summary');
    const links = [...root(el).querySelectorAll('#error-summary a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#name', '#departmentId', '#teacherId', '#roomId', '#weekday', '#startTime', '#durationMinutes']);
    expect(root(el).getElementById('durationMinutes')!.getAttribute('aria-invalid')).to.equal('true');
    expect(calls).to.deep.equal(['GET /api/admin/courses']);
    await expect(el).to.be.accessible();
  });

  it('the server’s field errors (coded) show next to their fields', async () => {
    answers = [
      () => Response.json(lists),
      () =>
        Response.json(
          { error: { code: 'validation', message: 'Certains champs sont à corriger.', fields: { startTime: 'x' }, fieldCodes: { startTime: { code: 'startTime' } } } },
          { status: 422 },
        ),
    ];
    const el = await fixture<PoAdminCourseFormPage>(html`<po-admin-course-form-page></po-admin-course-form-page>`);
    await until(() => !!root(el).querySelector('form'));
    const set = (id: string, value: string) => {
      const input = root(el).getElementById(id) as HTMLInputElement | HTMLSelectElement;
      input.value = value;
      input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    };
    set('name', 'Atelier jazz');
    set('departmentId', 'd1');
    set('teacherId', 't1');
    set('roomId', 'r1');
    set('weekday', '5');
    set('startTime', '18:00');
    set('durationMinutes', '60');
    (root(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => !!root(el).querySelector('#startTime-error'));
    expect(bodies[0]).to.deep.equal({ name: 'Atelier jazz', departmentId: 'd1', teacherId: 't1', roomId: 'r1', weekday: '5', startTime: '18:00', durationMinutes: '60', cycle: '', capacity: '', schoolYear: '2026/2027' });
    expect(root(el).querySelector('#startTime-error')!.textContent).to.contain('L’heure de début s’écrit HH:MM');
  });
});
