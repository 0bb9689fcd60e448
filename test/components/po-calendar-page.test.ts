/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { addDays, mondayOf } from '../../shared/calendar.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { session } from '../../client/app/session.ts';
import { db, setMeta } from '../../client/data/db.ts';
import { syncStatus } from '../../client/data/sync-status.ts';
import '../../client/calendar/components/po-teacher-course-events.ts';
import type { PoTeacherCourseEvents } from '../../client/calendar/components/po-teacher-course-events.ts';
import '../../client/calendar/pages/po-calendar-page.ts';
import type { PoCalendarPage } from '../../client/calendar/pages/po-calendar-page.ts';
import { localToday } from '../../shared/lesson-dates.ts';
import { until } from '../helpers/until.ts';

const base = { version: 1 };
const monday = mondayOf(localToday());
const year = schoolYearOf(new Date());
const longDay = (iso: string) => new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso + 'T12:00:00'));

function signIn(role: 'family' | 'teacher') {
  session.set({
    phase: 'signed-in',
    reason: null,
    info: {
      user: { id: 'u1', username: 'x', name: 'X', role, siteId: 's1', siteName: 'Mantes', familyId: role === 'family' ? 'f1' : null, teacherId: role === 'teacher' ? 't2' : null, a11yMode: false, locale: 'fr' },
      expiresAt: '',
      idleTimeoutSeconds: 1800,
      idleWarningSeconds: 120,
    },
  } as never);
}

const course = (id: string, name: string, weekday: number, teacherId: string, startTime: string) => ({
  ...base, id, siteId: 's1', schoolYear: year, name, departmentId: 'd1', teacherId, roomId: 'r1', cycle: '', weekday, startTime, durationMinutes: 45,
  startDate: addDays(monday, -70), endDate: addDays(monday, 70), capacity: null, closed: false,
});

async function seed() {
  await Promise.all(db.tables.map((table) => table.clear()));
  await setMeta('cursor', 1);
  await db.rooms.put({ ...base, id: 'r1', siteId: 's1', name: 'Salle Ravel', building: '' });
  // Lucie's piano on Tuesdays, Hugo's choir on Thursdays (its teacher away this Thursday), and a
  // course of another teacher no one of the family attends.
  await db.courses.bulkPut([course('c1', 'Piano 1C2', 2, 't1', '17:00'), course('c2', 'Chorale 1er cycle', 4, 't2', '18:00'), course('c3', 'Violon 2C1', 3, 't2', '14:00')]);
  await db.students.bulkPut(
    [['st1', 'Lucie'], ['st2', 'Hugo']].map(([id, firstName]) => ({
      ...base, id, familyId: 'f1', civility: '', lastName: 'Lefèvre', firstName, birthDate: '2014-01-01', birthPlace: '', useFamilyContact: true, address: '', postalCode: '', city: '',
      phoneHome: '', phoneWork: '', mobile: '', email: '', school: '', schoolLevel: '', emergencyContacts: [],
    })),
  );
  await db.enrollments.bulkPut([
    { ...base, id: 'e1', studentId: 'st1', courseId: 'c1', schoolYear: year, active: true, yearComment: '' },
    { ...base, id: 'e2', studentId: 'st2', courseId: 'c2', schoolYear: year, active: true, yearComment: '' },
  ]);
  await db.teacherAbsences.put({ ...base, id: 'a1', siteId: 's1', teacherId: 't2', startDate: addDays(monday, 3), endDate: addDays(monday, 3), message: '', revision: 1, withdrawn: false, createdAt: '' });
  await db.courseEvents.put({ ...base, id: 'ev1', courseId: 'c1', siteId: 's1', kind: 'concert', title: 'Concert de Noël', date: addDays(monday, 5), startTime: null, durationMinutes: null, place: 'Auditorium', cancelled: false, createdBy: 'u9', createdAt: '' });
}

const root = (el: PoCalendarPage) => el.shadowRoot!;
const list = (el: PoCalendarPage) => root(el).querySelector('po-calendar-week-list')?.shadowRoot;
const button = (el: PoCalendarPage, label: string) => [...root(el).querySelectorAll('nav button')].find((b) => b.textContent!.trim() === label) as HTMLButtonElement;

describe('po-calendar-page (/calendrier)', () => {
  // The page keeps its week in the address: each test starts at the runner's own.
  const runnerUrl = location.href;
  afterEach(() => {
    syncStatus.set({ online: true, syncing: false });
    history.replaceState(null, '', runnerUrl);
  });

  it('before the first sync: po-data-pending, never "nothing this week"', async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
    syncStatus.set({ online: true, syncing: true });
    signIn('family');
    const el = await fixture<PoCalendarPage>(html`<po-calendar-page></po-calendar-page>`);
    await until(() => root(el).querySelector('po-data-pending')?.shadowRoot?.textContent?.includes('Synchronisation en cours…') ?? false);
    expect(root(el).textContent).not.to.contain('Aucun cours');
    expect(root(el).querySelector('po-calendar-week-list')).to.equal(null);
  });

  it('the family\'s week as a list by day: a lesson, a cancelled lesson marked "Annulé" in words, an event', async () => {
    await seed();
    signIn('family');
    const el = await fixture<PoCalendarPage>(html`<po-calendar-page></po-calendar-page>`);
    await until(() => !!list(el)?.querySelector('li'));
    const days = [...list(el)!.querySelectorAll('h3')].map((h) => h.textContent!.trim());
    expect(days).to.deep.equal([longDay(addDays(monday, 1)), longDay(addDays(monday, 3)), longDay(addDays(monday, 5))]);
    const items = [...list(el)!.querySelectorAll('ul > li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.have.length(3);
    expect(items[0]).to.contain('17:00 – 17:45').and.contain('Cours').and.contain('Piano 1C2').and.contain('Pour : Lucie').and.contain('Lieu : Salle Ravel');
    expect(items[0]).not.to.contain('Annulé');
    expect(items[1]).to.contain('Annulé').and.contain('Chorale 1er cycle').and.contain('Pour : Hugo');
    expect(items[2]).to.contain('Toute la journée').and.contain('Concert').and.contain('Concert de Noël').and.contain('Cours : Piano 1C2').and.contain('Lieu : Auditorium');
    // Another teacher's course no one of the family attends is not there.
    expect(list(el)!.textContent).not.to.contain('Violon');
    expect(root(el).querySelector('h2')!.textContent).to.contain('Semaine du');
    expect(root(el).textContent).to.contain('S’abonner au calendrier');
    await expect(el).to.be.accessible();
  });

  it('previous / next / this week with the keyboard\'s buttons; the new week is announced politely', async () => {
    await seed();
    signIn('family');
    const el = await fixture<PoCalendarPage>(html`<po-calendar-page></po-calendar-page>`);
    await until(() => !!list(el)?.querySelector('li'));
    const status = () => root(el).querySelector('section p[role="status"]') ?? { textContent: '', getAttribute: () => null };
    expect(status().getAttribute('aria-live')).to.equal('polite');
    expect(status().textContent).to.contain('3 cours ou événements');

    const next = button(el, 'Semaine suivante');
    next.focus();
    next.click();
    // Next week: the two lessons, neither cancelled, and no concert.
    await until(() => status().textContent!.includes('2 cours ou événements'));
    expect([...list(el)!.querySelectorAll('h3')].map((h) => h.textContent!.trim())).to.deep.equal([longDay(addDays(monday, 8)), longDay(addDays(monday, 10))]);
    expect(list(el)!.textContent).not.to.contain('Annulé');
    expect(root(el).activeElement).to.equal(next, 'the focus stays on the button');
    expect(button(el, 'Cette semaine').getAttribute('aria-pressed')).to.equal('false');

    button(el, 'Cette semaine').click();
    await until(() => status().textContent!.includes('3 cours ou événements'));
    expect(button(el, 'Cette semaine').getAttribute('aria-pressed')).to.equal('true');

    // Far outside the courses' bounds: an empty week says so (the device has data: not pending).
    for (let i = 0; i < 12; i++) {
      button(el, 'Semaine précédente').click();
      await el.updateComplete;
    }
    await until(() => list(el)?.textContent?.includes('Aucun cours ni événement cette semaine.') ?? false);
  });

  it('the week shown is kept in the address (?semaine=): a reload shows it, this week has none, a bad one is this week', async () => {
    await seed();
    signIn('family');
    const el = await fixture<PoCalendarPage>(html`<po-calendar-page></po-calendar-page>`);
    await until(() => !!list(el)?.querySelector('li'));
    button(el, 'Semaine suivante').click();
    await el.updateComplete;
    expect(new URLSearchParams(location.search).get('semaine')).to.equal(addDays(monday, 7));

    // "Reloaded" at that address (any day of the week will do): next week, two lessons and no concert.
    history.replaceState(null, '', `?semaine=${addDays(monday, 9)}`);
    const again = await fixture<PoCalendarPage>(html`<po-calendar-page></po-calendar-page>`);
    await until(() => list(again)?.querySelectorAll('h3').length === 2);
    expect([...list(again)!.querySelectorAll('h3')].map((h) => h.textContent!.trim())).to.deep.equal([longDay(addDays(monday, 8)), longDay(addDays(monday, 10))]);
    button(again, 'Cette semaine').click();
    await again.updateComplete;
    expect(new URLSearchParams(location.search).has('semaine')).to.equal(false);

    history.replaceState(null, '', '?semaine=2026-02-31');
    const bad = await fixture<PoCalendarPage>(html`<po-calendar-page></po-calendar-page>`);
    await until(() => !!list(bad)?.querySelector('li'));
    expect(button(bad, 'Cette semaine').getAttribute('aria-pressed')).to.equal('true');
  });

  it('the teacher sees their own classes, with the same marker', async () => {
    await seed();
    signIn('teacher');
    const el = await fixture<PoCalendarPage>(html`<po-calendar-page></po-calendar-page>`);
    await until(() => !!list(el)?.querySelector('li'));
    const text = list(el)!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Chorale 1er cycle').and.contain('Violon 2C1').and.contain('Annulé');
    expect(text).not.to.contain('Piano 1C2');
    expect(root(el).textContent).to.contain('Vos cours et les événements de vos classes');
  });
});

describe('po-teacher-course-events (a teacher adds an event, offline through the outbox)', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('refuses an empty form at its fields; offline, the event is kept on the device, listed as waiting, and announced', async () => {
    await seed();
    signIn('teacher');
    window.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const el = await fixture<PoTeacherCourseEvents>(html`<po-teacher-course-events .courseId=${'c2'}></po-teacher-course-events>`);
    const form = () => el.shadowRoot!.querySelector('po-course-event-form')!.shadowRoot!;
    await until(() => !!form().querySelector('form') && el.shadowRoot!.textContent!.includes('Aucun événement'));
    const submit = () => form().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    submit();
    await until(() => !!form().querySelector('[role="alert"]'));
    expect(form().activeElement?.id).to.equal('error-summary');
    expect(form().getElementById('event-title')!.getAttribute('aria-invalid')).to.equal('true');
    expect(form().getElementById('event-date')!.getAttribute('aria-invalid')).to.equal('true');
    expect(await db.outbox.count()).to.equal(0);

    const type = (id: string, value: string) => {
      const input = form().getElementById(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new InputEvent('input'));
    };
    const kind = form().getElementById('event-kind') as HTMLSelectElement;
    kind.value = 'audition';
    kind.dispatchEvent(new Event('change'));
    type('event-title', 'Audition de Noël');
    type('event-date', addDays(monday, 2));
    type('event-startTime', '18:30');
    type('event-durationMinutes', '45');
    submit();
    await until(() => form().querySelector('[role="status"]')!.textContent!.includes('enregistré sur cet appareil'));
    const [row] = await db.outbox.toArray();
    expect(row.name).to.equal('calendar.event.save');
    expect(row.args).to.include({ courseId: 'c2', kind: 'audition', title: 'Audition de Noël', startTime: '18:30', durationMinutes: 45, cancelled: false });
    await until(() => el.shadowRoot!.textContent!.includes('En attente d’envoi'));
    expect(el.shadowRoot!.querySelector('li')!.textContent!.replace(/\s+/g, ' ')).to.contain('Audition').and.contain('Audition de Noël').and.contain('18:30');
    // The form is empty again for the next event.
    expect((form().getElementById('event-title') as HTMLInputElement).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('the teacher corrects and cancels their own event (offline, under its id); the secretariat’s has no such buttons', async () => {
    await seed();
    // Teacher t1's class c1: the secretariat's concert (ev1, by u9), and the teacher's own audition.
    await db.courseEvents.put({ ...base, id: 'ev2', courseId: 'c1', siteId: 's1', kind: 'audition', title: 'Audition de classe', date: addDays(monday, 9), startTime: '18:00', durationMinutes: 60, place: 'Salle Ravel', cancelled: false, createdBy: 'u1', createdAt: '' });
    signIn('teacher');
    window.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const el = await fixture<PoTeacherCourseEvents>(html`<po-teacher-course-events .courseId=${'c1'}></po-teacher-course-events>`);
    const root = el.shadowRoot!;
    const form = () => root.querySelector('po-course-event-form')!.shadowRoot!;
    const item = (title: string) => [...root.querySelectorAll('ul.events > li')].find((li) => li.textContent!.includes(title))!;
    await until(() => root.querySelectorAll('ul.events > li').length === 2);
    expect(item('Concert de Noël').querySelectorAll('button')).to.have.length(0, 'the secretariat’s event is the desk’s to change');
    const buttons = [...item('Audition de classe').querySelectorAll('button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(buttons[0]).to.match(/^Modifier : Audition de classe/);
    expect(buttons[1]).to.match(/^Annuler l’événement : Audition de classe/);

    // "Modifier": the form is filled with it and takes the focus; the correction is saved under its id.
    item('Audition de classe').querySelector<HTMLButtonElement>('button')!.click();
    await until(() => (form().getElementById('event-title') as HTMLInputElement | null)?.value === 'Audition de classe');
    expect(form().activeElement?.id).to.equal('event-kind');
    expect((form().getElementById('event-durationMinutes') as HTMLInputElement).value).to.equal('60');
    const title = form().getElementById('event-title') as HTMLInputElement;
    title.value = 'Audition de fin de trimestre';
    title.dispatchEvent(new InputEvent('input'));
    form().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root.textContent!.includes('Audition de fin de trimestre'));
    const [edited] = await db.outbox.toArray();
    expect(edited.args).to.include({ id: 'ev2', courseId: 'c1', title: 'Audition de fin de trimestre', durationMinutes: 60, cancelled: false });

    // "Annuler l'événement": queued under the same id, listed cancelled and waiting, said in the status region.
    [...item('Audition de fin de trimestre').querySelectorAll('button')][1].click();
    await until(() => item('Audition de fin de trimestre').textContent!.includes('Annulé'));
    const rows = await db.outbox.toArray();
    expect(rows.at(-1)!.args).to.include({ id: 'ev2', cancelled: true, title: 'Audition de fin de trimestre' });
    expect(item('Audition de fin de trimestre').textContent).to.contain('En attente d’envoi');
    await until(() => root.querySelector('div[role="status"]')!.textContent!.includes('enregistré sur cet appareil'));
    expect([...item('Audition de fin de trimestre').querySelectorAll('button')][1].textContent).to.contain('Rétablir l’événement');
    await expect(el).to.be.accessible();
  });
});
