/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { schoolYearOf, shiftSchoolYear } from '../../shared/school-year.ts';
import { db, setMeta } from '../../client/data/db.ts';
import type { Course, Family, Invoice, Payment, Site, Student } from '../../client/data/records.ts';
import { buildEnrolmentAttestation, buildPaymentAttestation } from '../../client/billing/data/attestation-builders.ts';
import { enrolmentAttestationPdf, paymentAttestationPdf } from '../../client/billing/pdf/attestation-pdf.ts';
import { loadLocale, localeStore } from '../../client/i18n/i18n.ts';
import '../../client/billing/components/po-attestation-button.ts';
import '../../client/billing/pages/po-payment-attestation-page.ts';
import '../../client/billing/pages/po-enrolment-attestation-page.ts';
import '../../client/billing/pages/po-family-billing-page.ts';
import '../../client/family/pages/po-student-page.ts';
import type { PoAttestationButton } from '../../client/billing/components/po-attestation-button.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { until } from '../helpers/until.ts';

const v = { version: 1 };
const YEAR = '2026/2027';
const SITE: Site = { ...v, id: 's1', name: 'Mantes', address: '12 rue de la Musique', postalCode: '78200', city: 'Mantes-la-Jolie', phone: '01 30 00 00 00', email: 'conservatoire@exemple.fr' };
const FAMILY: Family = { ...v, id: 'f1', siteId: 's1', civility: 'Mme', lastName: 'Lefèvre', firstName: 'Claire', smsOptIn: false, address: '3 rue des Lilas', postalCode: '78200', city: 'Mantes-la-Jolie', phoneHome: '', phoneWork: '', mobile: '', email: 'claire@exemple.fr' };
const invoice = (id: string, number: string, schoolYear = YEAR): Invoice => ({ ...v, id, familyId: 'f1', number, date: '2026-10-05', dueDate: '2026-11-05', schoolYear, label: 'Cotisation', amountCents: 30000 });
const payment = (id: string, date: string, amountCents: number, extra: Partial<Payment> = {}): Payment => ({ ...v, id, familyId: 'f1', invoiceId: 'i1', date, mode: 'cheque', operationNumber: '', label: 'Règlement', amountCents, schoolYear: YEAR, ...extra });
const INVOICES = [invoice('i1', 'FACT20260412'), invoice('i0', 'FACT20250101', '2025/2026')];
const PAYMENTS = [
  payment('p2', '2027-01-10', 10000, { mode: 'payfip' }),
  payment('p1', '2026-11-03', 18400),
  payment('p-old', '2026-03-01', 5000, { invoiceId: 'i0', schoolYear: '2025/2026' }),
  payment('p-future', '2027-06-05', 7000, { mode: 'direct_debit' }),
  payment('p-zero', '2026-12-01', -0),
];
const STUDENT: Student = { ...v, id: 'st1', familyId: 'f1', civility: '', lastName: 'Lefèvre', firstName: 'Lou', birthDate: '2015-01-01', birthPlace: '', useFamilyContact: true, address: '', postalCode: '', city: '', phoneHome: '', phoneWork: '', mobile: '', email: '', school: '', schoolLevel: '', emergencyContacts: [] };
const TEACHER = { ...v, id: 't1', siteId: 's1', civility: 'Mme', firstName: 'Ada', lastName: 'Prof', email: '', disciplines: 'Piano' };
const course = (id: string, name: string, weekday: number, schoolYear: string): Course => ({ ...v, id, siteId: 's1', schoolYear, name, departmentId: 'd1', teacherId: 't1', roomId: null, cycle: '1C2', weekday, startTime: '17:00', durationMinutes: 45, startDate: null, endDate: null, capacity: null, closed: false });

async function text(blob: Blob) {
  return pdfText(new Uint8Array(await blob.arrayBuffer()));
}

/** jsPDF writes a title beyond Latin-1 (here the dash) as UTF-16BE with its byte-order mark, which pdfText leaves as bytes. */
function utf16(title: string): string {
  if (!title.startsWith('\u00fe\u00ff')) return title;
  let out = '';
  for (let i = 2; i + 1 < title.length; i += 2) out += String.fromCharCode((title.charCodeAt(i) << 8) | title.charCodeAt(i + 1));
  return out;
}

describe('attestations: the documents', () => {
  afterEach(() => localeStore.set({ locale: 'fr' }));

  it('payment: only the year’s received payments, oldest first, with their total and invoice numbers', () => {
    const a = buildPaymentAttestation({ schoolYear: YEAR, site: SITE, family: FAMILY, payments: PAYMENTS, invoices: INVOICES, madeOn: '2027-02-01' });
    expect(a.payments.map((p) => p.id)).to.deep.equal(['p1', 'p2']);
    expect(a.payments.map((p) => p.invoiceNumber)).to.deep.equal(['FACT20260412', 'FACT20260412']);
    expect(a.totalCents).to.equal(28400);
    // Later in the year the scheduled direct debit has been received.
    expect(buildPaymentAttestation({ schoolYear: YEAR, site: SITE, family: FAMILY, payments: PAYMENTS, invoices: INVOICES, madeOn: '2027-06-05' }).totalCents).to.equal(35400);
    expect(buildPaymentAttestation({ schoolYear: '2025/2026', site: SITE, family: FAMILY, payments: PAYMENTS, invoices: INVOICES, madeOn: '2027-02-01' }).payments.map((p) => p.id)).to.deep.equal(['p-old']);
  });

  it('payment PDF: French text with parties, payments, total and the "made from" line; never "-0,00"', async () => {
    localeStore.set({ locale: 'en' });
    await loadLocale();
    const a = buildPaymentAttestation({ schoolYear: YEAR, site: SITE, family: FAMILY, payments: PAYMENTS, invoices: INVOICES, madeOn: '2027-02-01' });
    const pdf = await text(paymentAttestationPdf(a).blob);
    expect(pdf.lang).to.equal('fr-FR');
    expect(utf16(pdf.title)).to.equal('Attestation de paiement — année scolaire 2026/2027');
    expect(pdf.text)
      .to.contain('Conservatoire de Mantes').and.contain('12 rue de la Musique')
      .and.contain('Mme Claire Lefèvre').and.contain('3 rue des Lilas')
      .and.contain('3 novembre 2026').and.contain('Chèque').and.contain('Paiement en ligne (PayFiP)').and.contain('FACT20260412')
      .and.contain('184,00 €').and.contain('100,00 €').and.contain('Total payé : 284,00 €')
      .and.contain('Document établi à partir des données de Portée le 1 février 2027.');
    expect(pdf.text).not.to.match(/Payment|February|FACT20250101|70,00/);

    const empty = buildPaymentAttestation({ schoolYear: '2024/2025', site: SITE, family: FAMILY, payments: [payment('z', '2024-10-01', -0, { schoolYear: '2024/2025' })], invoices: [], madeOn: '2027-02-01' });
    expect(empty.payments).to.deep.equal([]);
    expect(Object.is(empty.totalCents, -0)).to.equal(false);
    const emptyPdf = await text(paymentAttestationPdf(empty).blob);
    expect(emptyPdf.text).to.contain('Total payé : 0,00 €').and.contain('Aucun paiement reçu pour cette année scolaire.');
    expect(emptyPdf.text).not.to.contain('-0,00');
  });

  it('enrolment: the student, this year’s active courses with teacher and weekly slot, in French', async () => {
    const rows = [
      { enrollment: { schoolYear: YEAR, active: true }, course: course('c2', 'Formation musicale 1C2', 1, YEAR), teacher: TEACHER },
      { enrollment: { schoolYear: YEAR, active: true }, course: course('c1', 'Piano 1C2', 4, YEAR), teacher: TEACHER },
      { enrollment: { schoolYear: YEAR, active: false }, course: course('c3', 'Chorale', 3, YEAR), teacher: TEACHER },
      { enrollment: { schoolYear: '2025/2026', active: true }, course: course('c0', 'Piano 1C1', 2, '2025/2026'), teacher: TEACHER },
    ];
    const a = buildEnrolmentAttestation({ schoolYear: YEAR, site: SITE, student: STUDENT, rows, madeOn: '2026-10-01' });
    expect(a.student).to.deep.equal({ id: 'st1', name: 'Lou Lefèvre', birthDate: '2015-01-01' });
    expect(a.courses.map((c) => c.discipline)).to.deep.equal(['Formation musicale 1C2', 'Piano 1C2']);
    localeStore.set({ locale: 'en' });
    await loadLocale();
    const file = enrolmentAttestationPdf(a);
    expect(file.fileName).to.equal('attestation-inscription-lou-lefevre-2026-2027.pdf');
    const pdf = await text(file.blob);
    expect(utf16(pdf.title)).to.equal('Attestation d’inscription — année scolaire 2026/2027');
    expect(pdf.text)
      .to.contain('Lou Lefèvre').and.contain('Date de naissance : 1 janvier 2015').and.contain('Site : Mantes')
      .and.contain('Piano 1C2').and.contain('Mme Ada Prof').and.contain('jeudi à 17:00, 45 min').and.contain('lundi à 17:00, 45 min')
      .and.contain('Document établi à partir des données de Portée le 1 octobre 2026.');
    expect(pdf.text).not.to.match(/Chorale|Piano 1C1|Thursday/);
  });
});

const current = schoolYearOf(new Date());

async function seed() {
  await Promise.all([db.sites, db.families, db.students, db.courses, db.enrollments, db.teachers, db.departments, db.invoices, db.payments, db.discounts, db.payfipAttempts].map((t) => t.clear()));
  await setMeta('cursor', 1);
  await db.sites.put(SITE);
  await db.families.put(FAMILY);
  await db.students.put(STUDENT);
  await db.teachers.put(TEACHER);
  await db.departments.put({ ...v, id: 'd1', siteId: 's1', name: 'Claviers' });
  await db.courses.bulkPut([course('c1', 'Piano 1C2', 4, current), course('c0', 'Piano 1C1', 2, shiftSchoolYear(current, -1))]);
  await db.enrollments.bulkPut([
    { ...v, id: 'e1', studentId: 'st1', courseId: 'c1', schoolYear: current, active: true, yearComment: '' },
    { ...v, id: 'e0', studentId: 'st1', courseId: 'c0', schoolYear: shiftSchoolYear(current, -1), active: true, yearComment: '' },
  ]);
  await db.invoices.put(invoice('i1', 'FACT1', current));
  await db.payments.bulkPut([payment('p1', '2000-01-02', 12000, { schoolYear: current }), payment('p0', '2000-01-01', 3000, { schoolYear: shiftSchoolYear(current, -1) })]);
}

const buttonName = (b: PoAttestationButton) => b.shadowRoot!.querySelector('button')!.textContent!.replace(/\s+/g, ' ').trim();

describe('attestations: buttons and HTML views', () => {
  beforeEach(seed);

  it('the button says why it does nothing before the first pull, and is named with its year', async () => {
    const el = await fixture<PoAttestationButton>(html`<po-attestation-button kind="payment" name="année scolaire 2026/2027"></po-attestation-button>`);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(buttonName(el)).to.equal('Attestation de paiement (PDF) année scolaire 2026/2027');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    const why = el.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(why.textContent).to.contain('pas encore chargées sur cet appareil');
    button.click();
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('on a new device (no pull yet) the billing and student pages show the pending button, not an empty attestation', async () => {
    await db.meta.delete('cursor');
    const billing = await fixture(html`<po-family-billing-page></po-family-billing-page>`);
    await until(() => !!billing.shadowRoot!.querySelector('po-attestation-button'));
    const b = billing.shadowRoot!.querySelector('po-attestation-button')!;
    await b.updateComplete;
    expect(b.shadowRoot!.querySelector('button')!.getAttribute('aria-disabled')).to.equal('true');
    expect(b.shadowRoot!.textContent).to.contain('pas encore chargées');
    const student = await fixture(html`<po-student-page .studentId=${'st1'}></po-student-page>`);
    await until(() => !!student.shadowRoot!.querySelector('po-attestation-button'));
    expect(student.shadowRoot!.querySelector('po-attestation-button')!.attestation).to.equal(undefined);
  });

  it('/famille/facturation has one payment attestation per year, named with the year, and a link to its page', async () => {
    const el = await fixture(html`<po-family-billing-page></po-family-billing-page>`);
    await until(() => el.shadowRoot!.querySelectorAll('po-attestation-button').length === 2 && !!el.shadowRoot!.querySelector('po-attestation-button')!.attestation);
    const buttons = Array.from(el.shadowRoot!.querySelectorAll('po-attestation-button'));
    await Promise.all(buttons.map((b) => b.updateComplete));
    expect(buttons.map(buttonName)).to.deep.equal([
      `Attestation de paiement (PDF) année scolaire ${current}`,
      `Attestation de paiement (PDF) année scolaire ${shiftSchoolYear(current, -1)}`,
    ]);
    expect(buttons[0].shadowRoot!.querySelector('button')!.getAttribute('aria-disabled')).to.equal('false');
    const link = el.shadowRoot!.querySelector(`a[href="/famille/attestations/paiement/${current.replace('/', '-')}"]`);
    expect(link).to.exist;
  });

  it('the student’s page has "Attestation d\'inscription (PDF)" with the student’s name and makes the PDF', async () => {
    const el = await fixture(html`<po-student-page .studentId=${'st1'}></po-student-page>`);
    await until(() => !!el.shadowRoot!.querySelector('po-attestation-button')?.attestation);
    const b = el.shadowRoot!.querySelector('po-attestation-button')!;
    await b.updateComplete;
    expect(buttonName(b)).to.equal("Attestation d'inscription (PDF) de Lou Lefèvre");
    expect(el.shadowRoot!.querySelector('a[href="/eleves/st1/attestation"]')).to.exist;
    b.shadowRoot!.querySelector('button')!.click();
    await until(() => b.shadowRoot!.querySelector('[role="status"]')!.textContent!.includes('a été téléchargé'), 8000);
    expect(b.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('attestation-inscription-lou-lefevre-');
  });

  it('payment attestation page: headings, a captioned table of received payments, the total; accessible', async () => {
    const el = await fixture(html`<po-payment-attestation-page .year=${current.replace('/', '-')}></po-payment-attestation-page>`);
    await until(() => !!el.shadowRoot!.querySelector('table'));
    const root = el.shadowRoot!;
    expect(root.querySelector('h1')!.textContent).to.equal(`Attestation de paiement — année scolaire ${current}`);
    expect(Array.from(root.querySelectorAll('h2')).map((h) => h.textContent)).to.deep.equal(['Établissement', 'Famille']);
    expect(root.querySelector('caption')!.textContent).to.equal(`Paiements reçus pour l’année scolaire ${current}`);
    expect(root.querySelectorAll('tbody tr')).to.have.length(1);
    expect(root.textContent).to.contain('FACT1').and.contain('Chèque').and.contain('Document établi à partir des données de Portée le');
    expect(root.textContent!.replace(/\s/g, ' ')).to.contain('Total payé : 120,00 €');
    expect(root.querySelector('po-attestation-button')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('enrolment attestation page: the student, this year’s courses with teacher and slot; accessible', async () => {
    const el = await fixture(html`<po-enrolment-attestation-page .studentId=${'st1'}></po-enrolment-attestation-page>`);
    await until(() => !!el.shadowRoot!.querySelector('table'));
    const root = el.shadowRoot!;
    expect(root.querySelector('h1')!.textContent).to.equal(`Attestation d’inscription — année scolaire ${current}`);
    expect(root.querySelector('caption')!.textContent).to.equal(`Cours suivis pour l’année scolaire ${current}`);
    expect(Array.from(root.querySelectorAll('tbody td')).map((td) => td.textContent)).to.deep.equal(['Piano 1C2', 'Mme Ada Prof', 'jeudi à 17:00, 45 min']);
    expect(root.textContent).to.contain('Date de naissance : 1 janvier 2015').and.not.contain('Piano 1C1');
    await expect(el).to.be.accessible();
  });
});
