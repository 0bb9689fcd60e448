import type { EnrolmentAttestation, PaymentAttestation } from '../data/attestation-builders.ts';
import { slotText } from '../data/attestation-builders.ts';
import { tFr as t } from '../../i18n/i18n.ts';
import { date, footer, formatDateFr, header, MARGIN, money, newDocument, paymentModeFr, RIGHT, text, type PdfFile } from './pdf-drawing.ts';

export { downloadFile } from './pdf-drawing.ts';

/**
 * The payment and enrolment attestations as PDFs, drawn from the same document model as their
 * HTML view (data/attestation-builders.ts), in French whatever the screen's language. Loaded by a
 * dynamic import() only when one is asked for, like the invoice's PDF.
 */

const KEYWORDS = 'attestation, cotisation, inscription';
const frenchDay = (weekday: number) => formatDateFr(`2024-01-0${weekday}`, { weekday: 'long' });
const issuer = (a: { site: PaymentAttestation['site'] }) => (a.site ? t('pdf.conservatory', { site: a.site.name }) : t('app.name'));
const fileYear = (schoolYear: string) => schoolYear.replace('/', '-');

/** A table's header row over `columns` ([label, x, align]); returns the y of the first row. */
function tableHead(doc: ReturnType<typeof newDocument>, y: number, columns: Array<[string, number, 'left' | 'right']>): number {
  doc.setFont('helvetica', 'bold');
  for (const [label, x, align] of columns) doc.text(text(label), x, y, { align });
  doc.setFont('helvetica', 'normal');
  doc.line(MARGIN, y + 2, RIGHT, y + 2);
  return y + 7;
}

/** A paragraph wrapped to the page's width; returns the y below it. */
function paragraph(doc: ReturnType<typeof newDocument>, y: number, sentence: string): number {
  const lines = doc.splitTextToSize(text(sentence), RIGHT - MARGIN) as string[];
  doc.text(lines, MARGIN, y);
  return y + 6 * lines.length + 4;
}

export function paymentAttestationPdf(a: PaymentAttestation): PdfFile {
  const title = t('attestation.paymentTitle', { year: a.schoolYear });
  const doc = newDocument(title, t('pdf.paymentAttestationSubject'), a.site, KEYWORDS);
  let y = header(doc, a.site, a.family, `${t('attestation.family')} :`);
  doc.setFontSize(15).setFont('helvetica', 'bold').text(doc.splitTextToSize(text(title), RIGHT - MARGIN) as string[], MARGIN, y);
  doc.setFontSize(11).setFont('helvetica', 'normal');
  y += 10;
  const family = a.family ? `${a.family.civility} ${a.family.firstName} ${a.family.lastName}`.trim() : '';
  y = paragraph(doc, y, t('attestation.paymentIntro', { issuer: issuer(a), family, year: a.schoolYear }));

  if (a.payments.length) {
    doc.setFontSize(10);
    y = tableHead(doc, y, [
      [t('attestation.col.date'), MARGIN, 'left'],
      [t('attestation.col.mode'), 65, 'left'],
      [t('attestation.col.invoice'), 120, 'left'],
      [t('attestation.col.amount'), RIGHT, 'right'],
    ]);
    for (const p of a.payments) {
      doc.text(date(p.date), MARGIN, y);
      doc.text(text(paymentModeFr(p.mode)), 65, y);
      doc.text(text(p.invoiceNumber), 120, y);
      doc.text(money(p.amountCents), RIGHT, y, { align: 'right' });
      y += 6;
    }
    doc.line(MARGIN, y - 3, RIGHT, y - 3);
    y += 3;
  } else {
    y = paragraph(doc, y, t('attestation.noPayments'));
  }
  doc.setFontSize(11).setFont('helvetica', 'bold').text(text(t('attestation.totalPaid', { amount: money(a.totalCents) })), RIGHT, y, { align: 'right' });
  doc.setFont('helvetica', 'normal');
  footer(doc, t('attestation.madeFrom', { date: formatDateFr(a.madeOn) }));
  return { blob: doc.output('blob'), fileName: `attestation-paiement-${fileYear(a.schoolYear)}.pdf` };
}

export function enrolmentAttestationPdf(a: EnrolmentAttestation): PdfFile {
  const title = t('attestation.enrolmentTitle', { year: a.schoolYear });
  const doc = newDocument(title, t('pdf.enrolmentAttestationSubject'), a.site, KEYWORDS);
  let y = header(doc, a.site, undefined, `${t('attestation.student')} : ${a.student.name}`);
  doc.setFontSize(15).setFont('helvetica', 'bold').text(doc.splitTextToSize(text(title), RIGHT - MARGIN) as string[], MARGIN, y);
  doc.setFontSize(11).setFont('helvetica', 'normal');
  y += 10;
  for (const line of [t('attestation.birthDate', { date: date(a.student.birthDate) }), ...(a.site ? [t('attestation.site', { site: a.site.name })] : [])]) {
    doc.text(text(line), MARGIN, y);
    y += 6;
  }
  y += 4;
  y = paragraph(doc, y, t('attestation.enrolmentIntro', { issuer: issuer(a), name: a.student.name, date: date(a.student.birthDate), year: a.schoolYear }));

  if (a.courses.length) {
    doc.setFontSize(10);
    y = tableHead(doc, y, [
      [t('attestation.col.discipline'), MARGIN, 'left'],
      [t('attestation.col.teacher'), 85, 'left'],
      [t('attestation.col.slot'), 140, 'left'],
    ]);
    for (const c of a.courses) {
      const discipline = doc.splitTextToSize(text(c.discipline), 62) as string[];
      doc.text(discipline, MARGIN, y);
      doc.text(text(c.teacher), 85, y);
      doc.text(text(slotText(c, t, frenchDay)), 140, y);
      y += 5 * discipline.length + 2;
    }
  } else {
    paragraph(doc, y, t('attestation.noCourses'));
  }
  footer(doc, t('attestation.madeFrom', { date: formatDateFr(a.madeOn) }));
  const slug = a.student.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
  return { blob: doc.output('blob'), fileName: `attestation-inscription-${slug}-${fileYear(a.schoolYear)}.pdf` };
}
