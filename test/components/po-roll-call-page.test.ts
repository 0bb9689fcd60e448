/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { lessonDates } from '../../shared/lesson-dates.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { TEACHING_MUTATIONS } from '../../shared/teaching-schemas.ts';
import type { MutationError, PushResponse } from '../../shared/push-protocol.ts';
import { session } from '../../client/app/session.ts';
import { db, setMeta } from '../../client/data/db.ts';
import { REJECTIONS_KEY } from '../../client/data/outbox-keys.ts';
import '../../client/teacher/pages/po-roll-call-page.ts';
import type { PoRollCallPage } from '../../client/teacher/pages/po-roll-call-page.ts';
import { until } from '../helpers/until.ts';

const year = schoolYearOf(new Date());
const base = { version: 1 };
const COURSE = { ...base, id: 'course-1', siteId: 'student-1', schoolYear: year, name: 'FM 1C1 A', departmentId: 'd1', teacherId: 't1', roomId: 'r1', cycle: '1C1', weekday: 3, startTime: '13:30', durationMinutes: 60, startDate: null, endDate: null, capacity: null, closed: false };
const DATE = lessonDates(COURSE)[2];
const student = (id: string, firstName: string, lastName: string) => ({ ...base, id, familyId: 'f-' + id, civility: '', lastName, firstName, birthDate: '2015-01-01', birthPlace: '', useFamilyContact: true, address: '', postalCode: '', city: '', phoneHome: '', phoneWork: '', mobile: '', email: '', school: '', schoolLevel: '', emergencyContacts: [] });

/** The server as the push meets it: offline, or answering each mutation with `reply`. */
let online = false;
let reply: (mutationId: number) => { mutationId: number; ok: true } | { mutationId: number; error: MutationError };
let pushed: Array<{ name: string; args: unknown }> = [];
const realFetch = window.fetch;
async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (!online) throw new TypeError('Failed to fetch');
  if (url.startsWith('/api/sync/push')) {
    const body = JSON.parse(String(init!.body)) as { mutations: Array<{ mutationId: number; name: string; args: unknown }> };
    pushed.push(...body.mutations);
    const answer: PushResponse = { lastMutationId: body.mutations[body.mutations.length - 1].mutationId, results: body.mutations.map((m) => reply(m.mutationId)) };
    return Response.json(answer);
  }
  if (url.startsWith('/api/sync')) return Response.json({ cursor: 1, snapshot: false, changes: {}, deleted: {} });
  return new Response(null, { status: 404 });
}

async function seed() {
  for (const table of db.tables) await table.clear();
  await setMeta('cursor', 1);
  await db.courses.put(COURSE);
  await db.students.bulkPut([student('student-1', 'Lucie', 'Lefèvre'), student('student-2', 'Théo', 'Martin'), student('student-3', 'Anna', 'Bernard')]);
  await db.enrollments.bulkPut([
    { ...base, id: 'e1', studentId: 'student-1', courseId: 'course-1', schoolYear: year, active: true, yearComment: '' },
    { ...base, id: 'e2', studentId: 'student-2', courseId: 'course-1', schoolYear: year, active: true, yearComment: '' },
    { ...base, id: 'e3', studentId: 'student-3', courseId: 'course-1', schoolYear: year, active: true, yearComment: '' },
  ]);
}

async function render(courseId = 'course-1', date = DATE) {
  const el = await fixture<PoRollCallPage>(html`<po-roll-call-page .courseId=${courseId} .date=${date}></po-roll-call-page>`);
  const root = el.shadowRoot!;
  await until(() => !!root.querySelector('form') || !!root.querySelector('h1')?.textContent?.match(/introuvable|Pas de séance/));
  const legends = () => [...root.querySelectorAll('fieldset legend')].map((l) => l.textContent!.trim());
  const checked = () => [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].map((r) => r.value);
  const radio = (row: number, status: string) => root.querySelectorAll('fieldset')[row].querySelector<HTMLInputElement>(`input[value="${status}"]`)!;
  const reason = (row: number) => root.getElementById(`entries.${row}.reason`) as HTMLInputElement | null;
  const type = (row: number, value: string) => {
    reason(row)!.value = value;
    reason(row)!.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  const submit = () => root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  const status = () => root.querySelector('[role="status"]')!.textContent!.trim();
  return { el, root, legends, checked, radio, reason, type, submit, status };
}

describe('po-roll-call-page', () => {
  beforeEach(async () => {
    await seed();
    session.set({ phase: 'signed-in', reason: null, info: { user: { id: 'u1', username: 'prof', name: 'Prof', role: 'teacher', siteId: 'student-1', siteName: 'Mantes', familyId: null, teacherId: 't1', a11yMode: false, locale: 'fr' }, expiresAt: '', idleTimeoutSeconds: 1800, idleWarningSeconds: 120 } });
    online = false;
    pushed = [];
    reply = (mutationId) => ({ mutationId, ok: true });
    window.fetch = fakeFetch as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('one fieldset per student named after them, everyone "Présent" by default; arrow keys choose, Tab goes to the next student', async () => {
    const { el, root, legends, checked, radio, reason } = await render();
    expect(root.querySelector('h1')!.textContent).to.contain('FM 1C1 A');
    expect(legends()).to.deep.equal(['Bernard Anna', 'Lefèvre Lucie', 'Martin Théo']);
    expect(checked()).to.deep.equal(['present', 'present', 'present']);
    expect([...root.querySelectorAll('fieldset')[0].querySelectorAll('label')].map((l) => l.textContent!.trim())).to.deep.equal(['Présent', 'Absent', 'Absent excusé']);
    expect(reason(0)).to.equal(null, 'no reason for a student present');
    await expect(el).to.be.accessible();

    // Keyboard: arrows move within a student's choices, Tab to the reason, then to the next student.
    radio(0, 'present').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(radio(0, 'absent').checked).to.equal(true);
    await until(() => !!reason(0));
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(reason(0));
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(radio(1, 'present'));
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(radio(2, 'present'), 'a student present has no reason field to stop at');
    expect(checked()).to.deep.equal(['absent', 'present', 'present']);
    await expect(el).to.be.accessible();
  });

  it('a previous roll call pre-fills the list: its absences and their reasons, "Appel fait"', async () => {
    await db.rollCalls.put({ ...base, id: 'rc1', courseId: 'course-1', date: DATE, teacherId: 't1', takenAt: `${DATE}T13:40:00.000Z` });
    await db.absences.bulkPut([
      { ...base, id: 'a1', enrollmentId: 'e2', date: DATE, excused: true, reason: 'Malade', recordedBy: null, createdAt: '' },
      { ...base, id: 'a2', enrollmentId: 'e1', date: DATE, excused: false, reason: '', recordedBy: null, createdAt: '' },
      // Another day's absence changes nothing here.
      { ...base, id: 'a3', enrollmentId: 'e3', date: '2000-01-01', excused: false, reason: '', recordedBy: null, createdAt: '' },
    ]);
    const { root, checked, reason } = await render();
    await until(() => checked().join() === 'present,absent,excused');
    expect(reason(2)!.value).to.equal('Malade');
    expect(root.textContent).to.contain('Appel fait le');
  });

  it('offline: the mutation carries every student with their status and reason; queued and announced so; a reload shows it pending', async () => {
    const { radio, reason, type, submit, status } = await render();
    radio(1, 'absent').click();
    radio(2, 'excused').click();
    await until(() => !!reason(2));
    type(2, ' Rendez-vous médical ');
    submit();
    await until(() => status().includes('sur cet appareil'));
    expect(status()).to.contain('2 absent(s) sur 3');
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => r.name)).to.deep.equal([TEACHING_MUTATIONS.rollCall]);
    expect(rows[0].args).to.deep.equal({
      courseId: 'course-1',
      date: DATE,
      entries: [
        { studentId: 'student-3', status: 'present', reason: '' },
        { studentId: 'student-1', status: 'absent', reason: '' },
        { studentId: 'student-2', status: 'excused', reason: 'Rendez-vous médical' },
      ],
    });

    const again = await render();
    await until(() => again.checked().join() === 'present,absent,excused');
    expect(again.reason(2)!.value).to.equal('Rendez-vous médical');
    expect(again.root.textContent).to.contain('attend le réseau');
  });

  it('online: sent, announced as sent, the queue empty, the list as sent', async () => {
    online = true;
    const { radio, submit, status, checked } = await render();
    radio(0, 'absent').click();
    submit();
    await until(() => status().includes('envoyé'));
    expect(pushed).to.have.length(1);
    expect(await db.outbox.count()).to.equal(0);
    expect(checked()).to.deep.equal(['absent', 'present', 'present']);
  });

  it('refused: the server’s messages next to the field and in a focused summary; the choices stay', async () => {
    online = true;
    reply = (mutationId) => ({
      mutationId,
      error: { code: 'validation', message: 'Corrigez l’appel.', fields: { 'entries.2.reason': 'Motif trop long' }, fieldCodes: { 'entries.2.reason': { code: 'tooLong', params: { field: 'attendanceReason', max: 200 } } } },
    });
    const { el, root, radio, type, submit, checked } = await render();
    radio(2, 'absent').click();
    await until(() => !!root.getElementById('entries.2.reason'));
    type(2, 'x'.repeat(20));
    submit();
    await until(() => !!root.getElementById('error-summary') && root.activeElement === root.getElementById('error-summary'));
    const summary = root.getElementById('error-summary')!;
    expect(summary.textContent).to.contain('Corrigez l’appel.');
    expect([...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#entries.2.reason']);
    expect(root.getElementById('entries.2.reason-error')!.textContent).to.not.equal('');
    expect(root.getElementById('entries.2.reason')!.getAttribute('aria-invalid')).to.equal('true');
    expect(checked()).to.deep.equal(['present', 'present', 'absent']);
    expect((root.getElementById('entries.2.reason') as HTMLInputElement).value).to.equal('x'.repeat(20));
    expect(await db.outbox.count()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('refused as not found: the server’s message in the summary', async () => {
    online = true;
    reply = (mutationId) => ({ mutationId, error: { code: 'not_found', message: 'Cours introuvable.' } });
    const { root, submit } = await render();
    submit();
    await until(() => root.getElementById('error-summary')?.textContent?.includes('Cours introuvable.') ?? false);
  });

  it('a roll call refused after it left the device (a later push): the refusal said, the choices as typed, answered by taking it again', async () => {
    const args = { courseId: 'course-1', date: DATE, entries: [{ studentId: 'student-1', status: 'absent', reason: 'x'.repeat(300) }] };
    await setMeta(REJECTIONS_KEY, [{ mutationId: 4, name: TEACHING_MUTATIONS.rollCall, args, error: { code: 'validation', message: 'Corrigez l’appel.', fields: { 'entries.0.reason': 'Motif trop long' } }, at: '' }]);
    online = true;
    const { el, root, checked, reason, type, submit, status } = await render();
    await until(() => root.textContent!.includes('a été refusé par le serveur'));
    expect(root.querySelector('.notice.error')!.textContent).to.contain('Corrigez l’appel.').and.contain('Motif trop long');
    expect(checked()).to.deep.equal(['present', 'absent', 'present']);
    expect(reason(1)!.value).to.equal('x'.repeat(300));
    await expect(el).to.be.accessible();
    type(1, 'Malade');
    submit();
    await until(() => status().includes('envoyé'));
    await until(() => !root.textContent!.includes('a été refusé par le serveur'));
    // The earlier refusal is dismissed once the answer is shown, by a command of its own: it lands
    // a moment after the notice has gone.
    const kept = async () => JSON.stringify((await db.meta.get(REJECTIONS_KEY))?.value);
    for (let i = 0; i < 150 && (await kept()) !== '[]'; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await db.meta.get(REJECTIONS_KEY))?.value).to.deep.equal([]);
  });

  it('another teacher’s course or a day without lesson: said so, no form', async () => {
    await db.courses.put({ ...COURSE, id: 'course-2', teacherId: 'other' });
    const foreign = await render('course-2');
    await until(() => foreign.root.querySelector('h1')!.textContent === 'Cours introuvable');
    expect(foreign.root.querySelector('form')).to.equal(null);
    expect(foreign.root.querySelector('a[href="/enseignant"]')).to.not.equal(null);

    const noLesson = await render('course-1', '2000-01-01');
    await until(() => noLesson.root.querySelector('h1')!.textContent!.includes('Pas de séance'));
    expect(noLesson.root.querySelector('form')).to.equal(null);
    await expect(noLesson.el).to.be.accessible();
  });
});
