/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { schoolYearOf } from '../../shared/school-year.ts';
import { db, setMeta } from '../../client/data/db.ts';
import '../../client/pedagogy/pages/po-course-page.ts';
import type { PoCoursePage } from '../../client/pedagogy/pages/po-course-page.ts';
import { sendKeys } from '@web/test-runner-commands';
import { until } from '../helpers/until.ts';
import { announcements, readAll, startReader, stopReader, virtual } from './screen-reader.ts';

const schoolYear = schoolYearOf(new Date());

/** One student in one piano course, with a follow-up note and an evaluation. */
async function seed() {
  const tables = [db.students, db.courses, db.enrollments, db.teachers, db.rooms, db.departments, db.followUpNotes, db.evaluations, db.absences];
  await Promise.all(tables.map((table) => table.clear()));
  await setMeta('cursor', 1);
  const v = { version: 1 };
  await db.students.put({ ...v, id: 'st1', familyId: 'f1', civility: '', lastName: 'Martin', firstName: 'Lou', birthDate: '2015-01-01', birthPlace: '', useFamilyContact: true, address: '', postalCode: '', city: '', phoneHome: '', phoneWork: '', mobile: '', email: '', school: '', schoolLevel: '', emergencyContacts: [] });
  await db.teachers.put({ ...v, id: 't1', siteId: 's1', civility: 'Mme', firstName: 'Ada', lastName: 'Prof', disciplines: 'Piano' });
  await db.rooms.put({ ...v, id: 'r1', siteId: 's1', name: 'Salle Ravel', building: '' });
  await db.departments.put({ ...v, id: 'd1', siteId: 's1', name: 'Polyphoniques' });
  await db.courses.put({ ...v, id: 'c1', siteId: 's1', schoolYear, name: 'Piano 1C2', departmentId: 'd1', teacherId: 't1', roomId: 'r1', cycle: '1C2', weekday: 4, startTime: '17:00', durationMinutes: 45, startDate: null, endDate: null, capacity: null, closed: false });
  await db.enrollments.put({ ...v, id: 'e1', studentId: 'st1', courseId: 'c1', schoolYear, active: true, yearComment: '' });
  await db.followUpNotes.put({ ...v, id: 'n1', enrollmentId: 'e1', date: '2025-11-06', teacherId: 't1', text: 'Travailler la main gauche.' });
  await db.evaluations.put({ ...v, id: 'ev1', enrollmentId: 'e1', date: '2025-12-11', kind: 'Audition', mark: '', appreciation: 'Très bien', comment: '', teacherId: 't1', batchId: null });
}

describe('screen reader: the course sheet’s tabs', () => {
  beforeEach(seed);
  afterEach(stopReader);

  it('a named tablist, each tab with its selected state; choosing another tab: it is read selected and the panel reads its content', async () => {
    const el = await fixture(html`<main><po-course-page .studentId=${'st1'} .courseId=${'c1'}></po-course-page></main>`);
    const page = el.querySelector<PoCoursePage>('po-course-page')!;
    // What the app's router does with the tab's URL: the page is told its new tab.
    page.addEventListener('po-tab-select', (e) => {
      e.preventDefault();
      page.tab = (e as CustomEvent<{ id: PoCoursePage['tab'] }>).detail.id;
    });
    await until(() => !!page.shadowRoot!.querySelector('po-tabs')?.shadowRoot?.querySelector('[role="tab"]') && !!page.shadowRoot!.querySelector('tbody tr'));
    await startReader(el);
    const panelOf = (said: string[]) => said.slice(said.findIndex((p) => p.startsWith('tabpanel')));

    const said = await readAll();
    expect(said.slice(0, 2)).to.deep.equal(['main', 'heading, Piano 1C2, level 1']);
    const list = said.indexOf('tablist, Fiche du cours, orientated horizontally');
    expect(list).to.be.above(0);
    expect(said.slice(list + 1, list + 6)).to.deep.equal([
      'tab, Suivi, selected, position 1, set size 3',
      'tab, Évaluations, not selected, position 2, set size 3',
      'tab, Absences, not selected, position 3, set size 3',
      'end of tablist, Fiche du cours, orientated horizontally',
      'tabpanel, Suivi',
    ]);
    expect(panelOf(said)).to.include.members(['table, Suivi', 'link, 6 novembre 2025', 'cell, Mme Ada Prof', 'cell, Travailler la main gauche.']);

    // Activating "Évaluations" from the reader (browse mode): the tab is read selected, the panel is named after it.
    while (!(await virtual.lastSpokenPhrase()).startsWith('tab, Évaluations')) await virtual.next();
    await virtual.act();
    await until(() => page.tab === 'evaluations');
    await page.updateComplete;
    await virtual.previous();
    await virtual.next();
    expect(await virtual.lastSpokenPhrase()).to.equal('tab, Évaluations, selected, position 2, set size 3');
    const onEvaluations = await readAll();
    expect(onEvaluations.slice(0, 4)).to.deep.equal([
      'tab, Évaluations, selected, position 2, set size 3',
      'tab, Absences, not selected, position 3, set size 3',
      'end of tablist, Fiche du cours, orientated horizontally',
      'tabpanel, Évaluations',
    ]);
    expect(onEvaluations).to.include('tab, Suivi, not selected, position 1, set size 3');
    expect(panelOf(onEvaluations)).to.include.members(['table, Évaluations', 'row, 11 décembre 2025 Audition Très bien', 'cell, Très bien']);
    expect(panelOf(onEvaluations)).not.to.include('cell, Travailler la main gauche.');

    // With the keyboard (Right arrow on the selected tab): "Absences" selected, its panel says it is empty.
    page.shadowRoot!.querySelector('po-tabs')!.shadowRoot!.querySelector<HTMLElement>('#tab-evaluations')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => page.tab === 'absences');
    await page.updateComplete;
    const onAbsences = await readAll();
    expect(onAbsences).to.include.members(['tab, Évaluations, not selected, position 2, set size 3', 'tab, Absences, selected, position 3, set size 3']);
    expect(panelOf(onAbsences).slice(0, 3)).to.deep.equal(['tabpanel, Absences', 'paragraph', 'Aucune absence enregistrée cette année']);
    // Changing tab is not a live region's business: nothing is announced.
    expect(await announcements()).to.deep.equal([]);
  });
});
