/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { schoolYearOf, shiftSchoolYear } from '../../shared/school-year.ts';
import { db, setMeta } from '../../client/data/db.ts';
import '../../client/pedagogy/pages/po-student-courses-page.ts';
import type { PoStudentCoursesPage } from '../../client/pedagogy/pages/po-student-courses-page.ts';
import { until } from '../helpers/until.ts';

const year = schoolYearOf(new Date());

async function seed() {
  await Promise.all([db.students, db.courses, db.enrollments, db.teachers, db.rooms, db.departments].map((t) => t.clear()));
  await setMeta('cursor', 1);
  const base = { version: 1 };
  await db.students.put({ ...base, id: 'st1', familyId: 'f1', civility: '', lastName: 'Test', firstName: 'Lou', birthDate: '2015-01-01', birthPlace: '', useFamilyContact: true, address: '', postalCode: '', city: '', phoneHome: '', phoneWork: '', mobile: '', email: '', school: '', schoolLevel: '', emergencyContacts: [] });
  await db.teachers.put({ ...base, id: 't1', siteId: 's1', civility: 'Mme', firstName: 'Ada', lastName: 'Prof', disciplines: 'Piano' });
  await db.rooms.put({ ...base, id: 'r1', siteId: 's1', name: 'Salle Ravel', building: '' });
  await db.departments.put({ ...base, id: 'd1', siteId: 's1', name: 'Polyphoniques' });
  const course = (id: string, name: string, weekday: number, schoolYear = year) => ({ ...base, id, siteId: 's1', schoolYear, name, departmentId: 'd1', teacherId: 't1', roomId: 'r1', cycle: '1C2', weekday, startTime: '17:00', durationMinutes: 45, startDate: null, endDate: null, capacity: null, closed: false });
  await db.courses.bulkPut([course('c1', 'Piano 1C2', 4), course('c2', 'FM 1C2', 1), course('old', 'Piano 1C1', 2, shiftSchoolYear(year, -1))]);
  await db.enrollments.bulkPut([
    { ...base, id: 'e1', studentId: 'st1', courseId: 'c1', schoolYear: year, active: true, yearComment: '' },
    { ...base, id: 'e2', studentId: 'st1', courseId: 'c2', schoolYear: year, active: false, yearComment: '' },
    { ...base, id: 'e0', studentId: 'st1', courseId: 'old', schoolYear: shiftSchoolYear(year, -1), active: true, yearComment: '' },
  ]);
}

describe('po-student-courses-page', () => {
  beforeEach(seed);

  it('each row’s course name is a link to its sheet, reached with Tab; "Actif" in words; only this year', async () => {
    const el = await fixture<PoStudentCoursesPage>(html`<po-student-courses-page .studentId=${'st1'}></po-student-courses-page>`);
    await until(() => !!el.shadowRoot!.querySelector('tbody tr'));
    const rows = Array.from(el.shadowRoot!.querySelectorAll('tbody tr'));
    expect(rows).to.have.length(2);
    const links = rows.map((tr) => tr.querySelector('th[scope="row"] a') as HTMLAnchorElement);
    // Timetable order: Monday's FM before Thursday's piano.
    expect(links.map((a) => a.textContent)).to.deep.equal(['FM 1C2', 'Piano 1C2']);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['/eleves/st1/cours/c2', '/eleves/st1/cours/c1']);
    expect(rows.map((tr) => tr.querySelector('td:last-child')!.textContent)).to.deep.equal(['Non', 'Oui']);
    const headers = Array.from(el.shadowRoot!.querySelectorAll('thead th')).map((th) => th.textContent);
    expect(headers).to.deep.equal(['Cours', 'Enseignant', 'Cycle', 'Salle', 'Jour', 'Début', 'Durée', 'Actif']);
    expect(rows[1].textContent).to.contain('Mme Ada Prof').and.contain('Salle Ravel').and.contain('jeudi');
    expect(el.shadowRoot!.textContent).not.to.contain('Piano 1C1');

    // Keyboard: from the table's caption area, Tab lands on the first row's link (a real, focusable link).
    const firstLink = links[0];
    const prior = el.shadowRoot!.querySelector('po-student-tabs')!;
    const lastTab = Array.from(prior.shadowRoot!.querySelectorAll('a')).pop()!;
    lastTab.focus();
    for (let i = 0; i < 10 && el.shadowRoot!.activeElement !== firstLink; i++) await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(firstLink);
    await expect(el).to.be.accessible();
  });

  it('empty state, and "Élève introuvable" with a way back for an unknown student', async () => {
    await db.enrollments.clear();
    const el = await fixture<PoStudentCoursesPage>(html`<po-student-courses-page .studentId=${'st1'}></po-student-courses-page>`);
    await until(() => el.shadowRoot!.textContent!.includes('Aucun cours cette année scolaire.'));
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);

    const missing = await fixture<PoStudentCoursesPage>(html`<po-student-courses-page .studentId=${'autre'}></po-student-courses-page>`);
    await until(() => missing.shadowRoot!.querySelector('h1')!.textContent === 'Élève introuvable');
    expect(missing.shadowRoot!.querySelector('a[href="/famille"]')).to.not.equal(null);
    await expect(missing).to.be.accessible();
  });
});
