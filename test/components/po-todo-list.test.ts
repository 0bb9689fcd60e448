/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { weekdayOf } from '../../shared/lesson-dates.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { db, setMeta } from '../../client/data/db.ts';
import '../../client/family/components/po-todo-list.ts';
import type { PoTodoList } from '../../client/family/components/po-todo-list.ts';
import { homeTodo } from '../../client/family/data/todo-queries.ts';
import type { TodoItem } from '../../client/family/data/todo-builders.ts';

const base = { version: 1 };
const pad = (n: number) => String(n).padStart(2, '0');
/** "YYYY-MM-DD" of the local day `days` from now. */
const day = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const year = schoolYearOf(new Date());
const student = (id: string, firstName: string) => ({
  ...base, id, familyId: 'f1', civility: '', lastName: 'Lefèvre', firstName, birthDate: '2015-01-01', birthPlace: '', useFamilyContact: true,
  address: '', postalCode: '', city: '', phoneHome: '', phoneWork: '', mobile: '', email: '', school: '', schoolLevel: '', emergencyContacts: [],
});
const kind = (id: string, owner: 'family' | 'student', label: string, requiredEachYear = true) => ({ ...base, id, siteId: 's1', owner, label, requiredEachYear, active: true });
const doc = (id: string, kindId: string, status: string, studentId: string | null = null) => ({
  ...base, id, familyId: 'f1', studentId, kindId, schoolYear: year, fileName: 'x.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'a'.repeat(64), status,
  rejectionReason: status === 'rejected' ? 'Illisible' : null, reviewedAt: null, createdAt: new Date().toISOString(),
});

/** A family with nothing to do: its invoice paid, its yearly documents accepted. */
async function seedSettled() {
  for (const table of db.tables) await table.clear();
  await setMeta('cursor', 1);
  await db.students.bulkPut([student('st1', 'Lucie'), student('st2', 'Hugo')]);
  await db.invoices.put({ ...base, id: 'i1', familyId: 'f1', number: 'FACT1', date: day(-40), dueDate: day(-10), schoolYear: year, label: 'Cotisation', amountCents: 10_000 });
  await db.payments.put({ ...base, id: 'p1', familyId: 'f1', invoiceId: 'i1', schoolYear: year, date: day(-20), amountCents: 10_000, label: 'Chèque', mode: 'cheque', operationNumber: '' });
  await db.documentKinds.bulkPut([kind('k1', 'family', "Avis d'imposition"), kind('k2', 'student', 'Certificat médical'), kind('k3', 'family', 'Autorisation de prélèvement', false)]);
  await db.documents.bulkPut([doc('d1', 'k1', 'accepted'), doc('d2', 'k2', 'received', 'st1'), doc('d3', 'k2', 'accepted', 'st2')]);
}

const kinds = (items: TodoItem[]) => items.map((i) => i.kind);

describe('the home page’s "À faire" list', () => {
  beforeEach(seedSettled);

  it('nothing to do: an empty list, said in words ("Rien à faire pour le moment")', async () => {
    const items = await homeTodo();
    expect(items).to.deep.equal([]);
    const el = await fixture<PoTodoList>(html`<po-todo-list .items=${items}></po-todo-list>`);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('À faire');
    expect(el.shadowRoot!.textContent).to.contain('Rien à faire pour le moment.');
    await expect(el).to.be.accessible();
  });

  it('lists a late payment first, then a refused and a missing document, each a link to where it is done', async () => {
    await db.invoices.put({ ...base, id: 'i2', familyId: 'f1', number: 'FACT2', date: day(-30), dueDate: day(-3), schoolYear: year, label: 'Cotisation', amountCents: 18_400 });
    await db.invoices.put({ ...base, id: 'i3', familyId: 'f1', number: 'FACT3', date: day(-1), dueDate: day(20), schoolYear: year, label: 'Location', amountCents: 5_000 });
    await db.discounts.put({ ...base, id: 'r1', familyId: 'f1', invoiceId: 'i3', schoolYear: year, label: 'Fratrie', date: day(-1), amountCents: 1_000 });
    // The family's tax notice refused; Lucie's certificate refused then another one received; Hugo's missing this year (last year's does not count).
    await db.documents.put(doc('d1', 'k1', 'rejected'));
    await db.documents.put(doc('d4', 'k2', 'rejected', 'st1'));
    await db.documents.put({ ...doc('d3', 'k2', 'accepted', 'st2'), schoolYear: '2001/2002' });

    const items = await homeTodo();
    expect(kinds(items)).to.deep.equal(['payment', 'payment', 'document', 'document']);
    const [late, soon, refused, missing] = items;
    expect(late).to.include({ href: '/famille/facturation/factures/i2', dueCents: 18_400, late: true });
    expect(soon).to.include({ href: '/famille/facturation/factures/i3', dueCents: 4_000, late: false });
    expect(refused).to.include({ href: '/famille/documents', refused: true, studentName: null });
    expect(missing).to.include({ href: '/eleves/st2/documents', refused: false, studentName: 'Hugo Lefèvre' });

    const el = await fixture<PoTodoList>(html`<po-todo-list .items=${items}></po-todo-list>`);
    const links = [...el.shadowRoot!.querySelectorAll('li a')].map((a) => [a.getAttribute('href'), a.textContent!.replace(/\s+/g, ' ').trim()]);
    expect(links[0][0]).to.equal('/famille/facturation/factures/i2');
    // Late in words, not by colour alone.
    expect(links[0][1]).to.match(/^Payer la facture FACT2 : 184,00\s€, en retard depuis le /);
    expect(links[1][1]).to.match(/^Payer la facture FACT3 : 40,00\s€, avant le /);
    expect(links[2][1]).to.equal("Envoyer un nouveau document, le précédent a été refusé : Avis d'imposition");
    expect(links[3][1]).to.equal('Envoyer pour Hugo Lefèvre : Certificat médical');
    expect(el.shadowRoot!.querySelector('ul')!.getAttribute('aria-label')).to.equal('4 chose(s) à faire');
    await expect(el).to.be.accessible();
  });

  it('a document chosen on this device and not sent yet is not asked for again; one refused by the server still is', async () => {
    await db.documents.delete('d1');
    const upload = { id: 1, familyId: 'f1', studentId: null, kindId: 'k1', replacesId: null, fileName: 'avis.pdf', mediaType: 'application/pdf', size: 10, sha256: 'b'.repeat(64), blob: new Blob(['x']), createdAt: new Date().toISOString(), idempotencyKey: 'k' };
    await db.pendingUploads.put(upload);
    expect(await homeTodo()).to.deep.equal([]);
    await db.pendingUploads.put({ ...upload, error: 'Fichier refusé' });
    expect(kinds(await homeTodo())).to.deep.equal(['document']);
  });

  it('a change refused in the last 30 days, unless a newer request of the record followed; older refusals drop off', async () => {
    const request = (id: string, targetId: string, version: number, reviewedDays: number, status: string) => ({
      id, familyId: 'f1', siteId: 's1', targetKind: (targetId === 'f1' ? 'family' : 'student') as 'family' | 'student', targetId, baseVersion: 1, version,
      fields: { city: { from: 'Mantes', to: 'Limay', status, reason: status === 'rejected' ? 'Justificatif manquant' : undefined } },
      status: status === 'rejected' ? 'rejected' : status, requestedBy: 'u1', reviewedAt: new Date(Date.now() + reviewedDays * 86_400_000).toISOString(), createdAt: new Date().toISOString(),
    });
    await db.changeRequests.bulkPut([request('c1', 'f1', 2, -2, 'rejected'), request('c2', 'st1', 3, -40, 'rejected'), request('c3', 'st2', 4, -5, 'rejected'), request('c4', 'st2', 5, -1, 'approved')]);
    const items = await homeTodo();
    expect(items).to.deep.equal([{ kind: 'refusedChange', href: '/famille', who: null, reviewedAt: items[0].kind === 'refusedChange' ? items[0].reviewedAt : '' }]);
  });

  it('a lesson cancelled within two weeks links to its course sheet', async () => {
    const next = day(7);
    await db.teachers.put({ ...base, id: 't1', siteId: 's1', civility: 'Mme', firstName: 'Claire', lastName: 'Roussillon', disciplines: '' });
    await db.courses.put({ ...base, id: 'c1', siteId: 's1', schoolYear: year, name: 'FM 1C1 A', departmentId: 'd1', teacherId: 't1', roomId: null, cycle: '', weekday: weekdayOf(next), startTime: '13:30', durationMinutes: 60, startDate: `${year.slice(0, 4)}-09-01`, endDate: `${Number(year.slice(0, 4)) + 2}-06-30`, capacity: null, closed: false });
    await db.enrollments.put({ ...base, id: 'e1', studentId: 'st1', courseId: 'c1', schoolYear: year, active: true, yearComment: '' });
    await db.teacherAbsences.put({ ...base, id: 'a1', siteId: 's1', teacherId: 't1', startDate: next, endDate: next, message: '', revision: 1, withdrawn: false, createdAt: new Date().toISOString() });
    const items = await homeTodo();
    expect(items).to.deep.equal([{ kind: 'cancelledLesson', href: '/eleves/st1/cours/c1', date: next, courseName: 'FM 1C1 A', students: ['Lucie'] }]);
  });

  it('the re-enrolment and its consents, while a campaign is open and not done', async () => {
    const items = await homeTodo(async () => ({ campaignOpen: true, closesOn: day(30), done: false, consentsToAnswer: 2 }));
    expect(items.map((i) => [i.kind, i.href])).to.deep.equal([['reenrolment', '/famille/reinscription'], ['consents', '/famille/reinscription']]);
    expect(await homeTodo(async () => ({ campaignOpen: true, closesOn: day(30), done: true, consentsToAnswer: 0 }))).to.deep.equal([]);
    expect(await homeTodo(async () => ({ campaignOpen: false, done: false, consentsToAnswer: 3 }))).to.deep.equal([]);
  });

  it('says politely that the list changed — not when it first shows, and once per change', async () => {
    const first = await homeTodo();
    const el = await fixture<PoTodoList>(html`<po-todo-list .items=${first}></po-todo-list>`);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent).to.equal('');
    el.items = [...first];
    await el.updateComplete;
    expect(status.textContent, 'the same list again: nothing said').to.equal('');
    await db.documents.delete('d1');
    el.items = await homeTodo();
    await el.updateComplete;
    expect(status.textContent).to.equal('La liste « À faire » a changé : 1 chose(s) à faire.');
  });
});
