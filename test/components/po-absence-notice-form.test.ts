/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ABSENCE_NOTICE_MUTATIONS, type AnnounceAbsenceArgs } from '../../shared/absence-notice-schemas.ts';
import { lessonDates } from '../../shared/lesson-dates.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { session } from '../../client/app/session.ts';
import { db, setMeta } from '../../client/data/db.ts';
import { announcedAbsences, noticeChoices } from '../../client/family/data/absence-notice-queries.ts';
import { localDay } from '../../client/family/data/teacher-absence-queries.ts';
import '../../client/family/components/po-absence-notice-form.ts';
import '../../client/family/components/po-announced-absences.ts';
import type { PoAbsenceNoticeForm } from '../../client/family/components/po-absence-notice-form.ts';
import type { PoAnnouncedAbsences } from '../../client/family/components/po-announced-absences.ts';
import '../../client/teacher/pages/po-roll-call-page.ts';
import type { PoRollCallPage } from '../../client/teacher/pages/po-roll-call-page.ts';
import { until } from '../helpers/until.ts';

const year = schoolYearOf(new Date());
const base = { version: 1 };
const today = localDay(new Date());
const COURSE = { ...base, id: 'course-c1', siteId: 's1', schoolYear: year, name: 'Chorale 1er cycle', departmentId: 'd1', teacherId: 't1', roomId: null, cycle: '', weekday: 3, startTime: '17:30', durationMinutes: 60, startDate: `${year.slice(0, 4)}-09-01`, endDate: `${Number(year.slice(0, 4)) + 1}-06-30`, capacity: null, closed: false };
const COMING = lessonDates(COURSE, today);
const student = (id: string, firstName: string) => ({ ...base, id, familyId: 'f1', civility: '', lastName: 'Lefèvre', firstName, birthDate: '2013-01-01', birthPlace: '', useFamilyContact: true, address: '', postalCode: '', city: '', phoneHome: '', phoneWork: '', mobile: '', email: '', school: '', schoolLevel: '', emergencyContacts: [] });

const realFetch = window.fetch;
const offline = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
};

async function seed() {
  for (const table of db.tables) await table.clear();
  await setMeta('cursor', 1);
  await db.courses.put(COURSE);
  await db.students.bulkPut([student('student-hugo', 'Hugo'), student('student-lucie', 'Lucie')]);
  await db.enrollments.bulkPut([
    { ...base, id: 'enrol-hugo-1', studentId: 'student-hugo', courseId: 'course-c1', schoolYear: year, active: true, yearComment: '' },
    { ...base, id: 'enrol-lucie-1', studentId: 'student-lucie', courseId: 'course-c1', schoolYear: year, active: true, yearComment: '' },
  ]);
}

const queued = async () => (await db.outbox.orderBy('mutationId').toArray()).map((r) => ({ name: r.name, args: r.args }));

describe('po-absence-notice-form ("Signaler une absence")', () => {
  before(() => expect(COMING.length, 'the test course has coming lessons').to.be.greaterThan(3));
  beforeEach(async () => {
    await seed();
    window.fetch = offline as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('offers the coming lesson days, leaving out a day the teacher cancelled', async () => {
    await db.teacherAbsences.put({ ...base, id: 'ta1', teacherId: 't1', startDate: COMING[1], endDate: COMING[1], message: '', createdAt: '', withdrawn: false, revision: 1, createdBy: 'x' } as never);
    const [choice] = await noticeChoices({ studentId: 'student-hugo', courseId: 'course-c1' });
    expect(choice.dates[0]).to.equal(COMING[0]);
    expect(choice.dates).not.to.include(COMING[1]);
  });

  it('keyboard and errors: no day ticked gives a focused summary linked to the first day; with Space a day is ticked; offline it is queued and shown as waiting', async () => {
    const choices = await noticeChoices({ studentId: 'student-hugo', courseId: 'course-c1' });
    const el = await fixture<PoAbsenceNoticeForm>(html`<po-absence-notice-form .choices=${choices}></po-absence-notice-form>`);
    const root = el.shadowRoot!;
    expect(root.textContent).to.contain('Hugo — Chorale 1er cycle');
    const submit = root.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    submit.click();
    await until(() => root.activeElement === root.getElementById('error-summary'));
    expect(root.querySelector('#error-summary a')!.getAttribute('href')).to.equal('#notice-date-0');
    expect(root.getElementById('notice-dates-error')!.textContent).to.contain('Choisissez entre 1 et 12 dates');
    expect(root.querySelector('fieldset')!.getAttribute('aria-describedby')).to.contain('notice-dates-error');
    await expect(el).to.be.accessible();
    expect(await db.outbox.count()).to.equal(0);

    // From the summary's link to the first day, Space ticks it; Tab reaches the reason.
    (root.querySelector('#error-summary a') as HTMLAnchorElement).click();
    expect(root.activeElement).to.equal(root.getElementById('notice-date-0'));
    await sendKeys({ press: 'Space' });
    expect((root.getElementById('notice-date-0') as HTMLInputElement).checked).to.equal(true);
    const reason = root.getElementById('notice-reason') as HTMLInputElement;
    reason.focus();
    await sendKeys({ type: 'Rendez-vous médical' });
    await sendKeys({ press: 'Enter' });
    await until(() => root.querySelector('[role="status"]')!.textContent!.includes('en attente d’envoi'));
    const [row] = await queued();
    expect(row.name).to.equal(ABSENCE_NOTICE_MUTATIONS.announce);
    expect(row.args).to.deep.equal({ enrollmentId: 'enrol-hugo-1', dates: [COMING[0]], reason: 'Rendez-vous médical' } satisfies AnnounceAbsenceArgs);
    const announced = await announcedAbsences({ enrollmentId: 'enrol-hugo-1' });
    expect(announced.map((n) => [n.date, n.reason, n.queued])).to.deep.equal([[COMING[0], 'Rendez-vous médical', true]]);
  });

  it('the list of announced absences says their state in words and withdraws one through the outbox', async () => {
    await db.absenceNotices.put({ ...base, id: 'n1', enrollmentId: 'enrol-hugo-1', familyId: 'f1', date: COMING[2], reason: 'Voyage scolaire', createdBy: 'u1', createdAt: '', withdrawn: false });
    const notices = await announcedAbsences({ enrollmentId: 'enrol-hugo-1' });
    const el = await fixture<PoAnnouncedAbsences>(html`<po-announced-absences .notices=${notices}></po-announced-absences>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('tbody tr')!.textContent).to.contain('Voyage scolaire').and.contain('Signalée');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('tbody button')!.click();
    await until(() => root.querySelector('[role="status"]')!.textContent!.includes('en attente d’envoi'));
    expect(await queued()).to.deep.equal([{ name: ABSENCE_NOTICE_MUTATIONS.withdraw, args: { enrollmentId: 'enrol-hugo-1', date: COMING[2] } }]);
    expect(await announcedAbsences({ enrollmentId: 'enrol-hugo-1' }), 'the withdrawal waiting on the device hides it').to.deep.equal([]);
  });
});

describe('po-roll-call-page with an absence announced by the family', () => {
  beforeEach(async () => {
    await seed();
    session.set({ phase: 'signed-in', reason: null, info: { user: { id: 'u1', username: 'prof', name: 'Prof', role: 'teacher', siteId: 's1', siteName: 'Mantes', familyId: null, teacherId: 't1', a11yMode: false, locale: 'fr' }, expiresAt: '', idleTimeoutSeconds: 1800, idleWarningSeconds: 120 } });
    window.fetch = offline as typeof fetch;
    await db.absenceNotices.bulkPut([
      { ...base, id: 'n1', enrollmentId: 'enrol-hugo-1', familyId: 'f1', date: COMING[0], reason: 'Rendez-vous médical', createdBy: 'u1', createdAt: '', withdrawn: false },
      { ...base, id: 'n2', enrollmentId: 'enrol-lucie-1', familyId: 'f1', date: COMING[0], reason: 'Malade', createdBy: 'u1', createdAt: '', withdrawn: true },
    ]);
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('shows "Absence signalée par la famille" with the reason on the line, pre-filled as excused; a withdrawn one is not shown; the teacher can change it', async () => {
    const el = await fixture<PoRollCallPage>(html`<po-roll-call-page .courseId=${'course-c1'} .date=${COMING[0]}></po-roll-call-page>`);
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('form'));
    const [hugo, lucie] = [...root.querySelectorAll('fieldset.student')];
    expect(hugo.querySelector('legend')!.textContent).to.contain('Hugo');
    expect(hugo.querySelector('.family-notice')!.textContent).to.equal('Absence signalée par la famille — motif : Rendez-vous médical');
    expect(hugo.getAttribute('aria-describedby')).to.contain('entries.0.status-notice');
    expect(hugo.querySelector<HTMLInputElement>('input[value="excused"]')!.checked).to.equal(true);
    expect((root.getElementById('entries.0.reason') as HTMLInputElement).value).to.equal('Rendez-vous médical');
    expect(lucie.querySelector('.family-notice')).to.equal(null);
    expect(lucie.querySelector<HTMLInputElement>('input[value="present"]')!.checked).to.equal(true);
    await expect(el).to.be.accessible();
    // Hugo came after all.
    hugo.querySelector<HTMLInputElement>('input[value="present"]')!.click();
    root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    await until(() => root.querySelector('[role="status"]')!.textContent!.includes('appareil'));
    const [row] = await db.outbox.toArray();
    expect((row.args as { entries: Array<{ studentId: string; status: string }> }).entries.find((e) => e.studentId === 'student-hugo')!.status).to.equal('present');
  });
});
