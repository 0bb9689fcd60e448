/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { weekdayOf } from '../../shared/lesson-dates.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { db, setMeta } from '../../client/data/db.ts';
import '../../client/family/components/po-teacher-absence-notice.ts';
import type { PoTeacherAbsenceNotice } from '../../client/family/components/po-teacher-absence-notice.ts';
import { cancelledLessons } from '../../client/family/data/teacher-absence-queries.ts';

const base = { version: 1 };
/** "YYYY-MM-DD" of the local day `days` from now. */
const day = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const nextWeek = day(7);
const year = schoolYearOf(new Date());

async function seed() {
  for (const table of db.tables) await table.clear();
  await setMeta('cursor', 1);
  await db.teachers.put({ ...base, id: 't1', siteId: 's1', civility: 'Mme', firstName: 'Claire', lastName: 'Roussillon', disciplines: '' });
  // The course's weekday is next week's day, so that day is one of its lessons; no bounds (the school year's).
  await db.courses.put({ ...base, id: 'c1', siteId: 's1', schoolYear: year, name: 'FM 1C1 A', departmentId: 'd1', teacherId: 't1', roomId: null, cycle: '1C1', weekday: weekdayOf(nextWeek), startTime: '13:30', durationMinutes: 60, startDate: `${year.slice(0, 4)}-09-01`, endDate: `${Number(year.slice(0, 4)) + 2}-06-30`, capacity: null, closed: false });
  await db.students.put({ ...base, id: 'st1', familyId: 'f1', civility: '', lastName: 'Lefèvre', firstName: 'Lucie', birthDate: '2018-04-12', birthPlace: '', useFamilyContact: true, address: '', postalCode: '', city: '', phoneHome: '', phoneWork: '', mobile: '', email: '', school: '', schoolLevel: '', emergencyContacts: [] });
  await db.enrollments.put({ ...base, id: 'e1', studentId: 'st1', courseId: 'c1', schoolYear: year, active: true, yearComment: '' });
}

const absence = (id: string, startDate: string, endDate: string, extra: { message?: string; withdrawn?: boolean } = {}) => ({
  ...base, id, siteId: 's1', teacherId: 't1', startDate, endDate, message: extra.message ?? '', revision: 1, withdrawn: extra.withdrawn ?? false, createdAt: new Date().toISOString(),
});

const longDay = (iso: string) => new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso + 'T12:00:00'));

describe('po-teacher-absence-notice', () => {
  beforeEach(seed);

  it('a teacher’s absence over next week’s lesson: "Cours du … annulé — absence de Mme Roussillon", the message below, politely announced', async () => {
    await db.teacherAbsences.put(absence('a1', day(6), day(8), { message: 'Le cours est rattrapé samedi.' }));
    const notices = await cancelledLessons({ courseId: 'c1' });
    expect(notices.map((n) => [n.date, n.teacher, n.courseName, n.students])).to.deep.equal([[nextWeek, 'Mme Roussillon', 'FM 1C1 A', ['Lucie']]]);

    const el = await fixture<PoTeacherAbsenceNotice>(html`<po-teacher-absence-notice .notices=${notices}></po-teacher-absence-notice>`);
    const region = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const text = region.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(`Cours du ${longDay(nextWeek)} annulé — absence de Mme Roussillon`);
    expect(text).to.contain('Le cours est rattrapé samedi.');
    // Not by colour alone: a heading says what this is.
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Cours annulés');
    await expect(el).to.be.accessible();

    // On the home screen each lesson names its course and the family's students in it.
    const home = await fixture<PoTeacherAbsenceNotice>(html`<po-teacher-absence-notice with-course .notices=${await cancelledLessons()}></po-teacher-absence-notice>`);
    expect(home.shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.contain(`FM 1C1 A (Lucie) : cours du ${longDay(nextWeek)} annulé`);
  });

  it('withdrawn absences, past lessons and other teachers cancel nothing; the region stays, empty', async () => {
    await db.teacherAbsences.bulkPut([
      absence('withdrawn', day(6), day(8), { withdrawn: true }),
      absence('past', day(-8), day(-6)),
      { ...absence('other', day(6), day(8)), teacherId: 't2' },
    ]);
    const notices = await cancelledLessons();
    expect(notices).to.deep.equal([]);
    const el = await fixture<PoTeacherAbsenceNotice>(html`<po-teacher-absence-notice .notices=${notices}></po-teacher-absence-notice>`);
    expect(el.shadowRoot!.querySelector('[role="status"]')).to.not.equal(null);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
  });

  it('two absences over the same day cancel one lesson', async () => {
    await db.teacherAbsences.bulkPut([absence('a1', day(7), day(7)), absence('a2', day(5), day(9))]);
    expect((await cancelledLessons()).map((n) => n.date)).to.deep.equal([nextWeek]);
  });
});
