/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { lessonDates } from '../../shared/lesson-dates.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { TEACHING_MUTATIONS } from '../../shared/teaching-schemas.ts';
import { session } from '../../client/app/session.ts';
import { db, setMeta } from '../../client/data/db.ts';
import '../../client/teacher/pages/po-teacher-home-page.ts';
import '../../client/teacher/pages/po-teacher-course-page.ts';
import type { PoTeacherCoursePage } from '../../client/teacher/pages/po-teacher-course-page.ts';
import type { PoTeacherHomePage } from '../../client/teacher/pages/po-teacher-home-page.ts';
import { localToday } from '../../shared/lesson-dates.ts';
import { until } from '../helpers/until.ts';

const today = localToday();
const year = schoolYearOf(new Date());
const weekdayOf = (day: string) => ((new Date(day + 'T12:00:00Z').getUTCDay() + 6) % 7) + 1;
const todayWeekday = weekdayOf(today);
const base = { version: 1 };
// Bounds wide enough that this week always has its lessons, whenever the test runs.
const course = (id: string, name: string, weekday: number, teacherId = 't1', cycle = '1C1') => ({
  ...base, id, siteId: 's1', schoolYear: year, name, departmentId: 'd1', teacherId, roomId: 'r1', cycle, weekday, startTime: '17:30', durationMinutes: 60,
  startDate: `${year.slice(0, 4)}-01-01`, endDate: `${year.slice(5)}-12-31`, capacity: null, closed: false,
});
const FM = course('course-fm', 'FM 1C1 A', todayWeekday);
const CHOIR = course('course-choir', 'Chorale 1er cycle', (todayWeekday % 7) + 1, 't1', '');
const student = (id: string, firstName: string, lastName: string) => ({ ...base, id, familyId: 'f-' + id, civility: '', lastName, firstName, birthDate: '2015-01-01', birthPlace: '', useFamilyContact: true, address: '', postalCode: '', city: '', phoneHome: '', phoneWork: '', mobile: '', email: '', school: '', schoolLevel: '', emergencyContacts: [] });
const enrollment = (id: string, studentId: string, courseId: string, active = true) => ({ ...base, id, studentId, courseId, schoolYear: year, active, yearComment: '' });
const choirDay = lessonDates(CHOIR).find((d) => d > today)!;

describe('teacher pages', () => {
  beforeEach(async () => {
    for (const table of db.tables) await table.clear();
    await setMeta('cursor', 1);
    await db.teachers.put({ ...base, id: 't1', siteId: 's1', civility: 'Mme', firstName: 'Claire', lastName: 'Roussillon', disciplines: '' });
    await db.rooms.put({ ...base, id: 'r1', siteId: 's1', name: 'Salle Fauré', building: '' });
    await db.departments.put({ ...base, id: 'd1', siteId: 's1', name: 'Formation musicale' });
    await db.courses.bulkPut([FM, CHOIR, course('course-other', 'Piano 1C1', todayWeekday, 'someone-else')]);
    await db.students.bulkPut([student('student-1', 'Lucie', 'Lefèvre'), student('student-2', 'Théo', 'Martin'), student('student-3', 'Anna', 'Bernard')]);
    await db.enrollments.bulkPut([
      enrollment('e1', 'student-1', 'course-fm'),
      enrollment('e2', 'student-2', 'course-fm'),
      enrollment('e3', 'student-3', 'course-fm', false),
      enrollment('e4', 'student-1', 'course-choir'),
    ]);
    // Today's FM lesson is cancelled by an absence; a withdrawn one cancels nothing.
    await db.teacherAbsences.bulkPut([
      { ...base, id: 'ta1', siteId: 's1', teacherId: 't1', startDate: today, endDate: today, message: '', revision: 1, withdrawn: false, createdAt: '' },
      { ...base, id: 'ta2', siteId: 's1', teacherId: 't1', startDate: choirDay, endDate: choirDay, message: '', revision: 2, withdrawn: true, createdAt: '' },
    ]);
    session.set({ phase: 'signed-in', reason: null, info: { user: { id: 'u1', username: 'prof', name: 'Prof', role: 'teacher', siteId: 's1', siteName: 'Mantes', familyId: null, teacherId: 't1', a11yMode: false, locale: 'fr' }, expiresAt: '', idleTimeoutSeconds: 1800, idleWarningSeconds: 120 } });
  });

  it('/enseignant: the week’s lessons, a cancelled one "Annulé" in words without a roll call link; the classes with their number of students', async () => {
    const el = await fixture<PoTeacherHomePage>(html`<po-teacher-home-page></po-teacher-home-page>`);
    const root = el.shadowRoot!;
    await until(() => root.querySelectorAll('table').length === 2);
    const [week, classes] = [...root.querySelectorAll('table')];
    const fmRow = [...week.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes('FM 1C1 A'))!;
    expect(fmRow.textContent).to.contain('17:30').and.contain('Salle Fauré');
    expect(fmRow.querySelector('po-lesson-state')!.shadowRoot!.textContent).to.contain('Annulé');
    expect(fmRow.querySelector('a[href*="/appel/"]')).to.equal(null);
    expect(week.textContent).not.to.contain('Piano 1C1');
    const classRows = [...classes.querySelectorAll('tbody tr')];
    expect(classRows.map((tr) => tr.querySelector('th a')!.getAttribute('href')).sort()).to.deep.equal(['/enseignant/cours/course-choir', '/enseignant/cours/course-fm']);
    const fmClass = classRows.find((tr) => tr.textContent!.includes('FM 1C1 A'))!;
    expect(fmClass.textContent).to.contain('2 élève(s)');
    await expect(el).to.be.accessible();
  });

  it('a class: its students (not the inactive one) with their cycle, its lessons linking to their roll calls, taken, waiting or cancelled', async () => {
    const fmDates = lessonDates(FM);
    const past = fmDates.filter((d) => d < today);
    await db.rollCalls.put({ ...base, id: 'rc1', courseId: 'course-fm', date: past[past.length - 1], teacherId: 't1', takenAt: '' });
    await db.outbox.add({ mutationId: 1, name: TEACHING_MUTATIONS.rollCall, args: { courseId: 'course-fm', date: past[past.length - 2], entries: [] }, createdAt: '' });
    const el = await fixture<PoTeacherCoursePage>(html`<po-teacher-course-page .courseId=${'course-fm'}></po-teacher-course-page>`);
    const root = el.shadowRoot!;
    await until(() => root.querySelectorAll('table').length === 2);
    expect(root.querySelector('h1')!.textContent).to.equal('FM 1C1 A');
    const [roster, lessons] = [...root.querySelectorAll('table')];
    expect([...roster.querySelectorAll('tbody th')].map((th) => th.textContent)).to.deep.equal(['Lefèvre Lucie', 'Martin Théo']);
    expect(roster.querySelector('tbody td')!.textContent).to.equal('1C1');
    const rows = [...lessons.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(fmDates.length);
    const state = (day: string) => {
      const row = rows.find((tr) => tr.querySelector(`a[href="/enseignant/cours/course-fm/appel/${day}"]`))!;
      return row.querySelector('po-lesson-state')!.shadowRoot!.textContent!.trim();
    };
    expect(state(past[past.length - 1])).to.equal('Appel fait');
    expect(state(past[past.length - 2])).to.equal('Appel en attente d’envoi');
    expect(state(today)).to.equal('Annulé');
    await expect(el).to.be.accessible();

    // The choir has no cycle of its own: a student's cycle is that of their other class.
    const choir = await fixture<PoTeacherCoursePage>(html`<po-teacher-course-page .courseId=${'course-choir'}></po-teacher-course-page>`);
    await until(() => !!choir.shadowRoot!.querySelector('tbody td'));
    expect(choir.shadowRoot!.querySelector('tbody td')!.textContent).to.equal('1C1');
  });

  it('another teacher’s class or an unknown id: "Cours introuvable" with a way back, nothing of the class', async () => {
    for (const id of ['course-other', 'inconnu']) {
      const el = await fixture<PoTeacherCoursePage>(html`<po-teacher-course-page .courseId=${id}></po-teacher-course-page>`);
      await until(() => el.shadowRoot!.querySelector('h1')!.textContent === 'Cours introuvable');
      expect(el.shadowRoot!.querySelector('a[href="/enseignant"]')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('table')).to.equal(null);
      await expect(el).to.be.accessible();
    }
  });
});
