import { jsPDF } from 'jspdf';
import { plainSpaces } from '../../../shared/money.ts';
import type { PdfFile } from '../../billing/pdf/billing-pdf.ts';
import type { WelcomeLetter } from '../data/desk-accounts.ts';
import { tFr } from '../../i18n/i18n.ts';
import { welcomeLetterText } from './welcome-letter-text.ts';

/**
 * The welcome letter as a PDF, drawn by jsPDF in the browser. Only ever loaded by a dynamic
 * import() when the desk asks for it, like the billing PDFs: jsPDF stays out of the first load.
 * Real text (not an image), French, with title, language and author set.
 */

/** Intl's narrow no-break spaces (and no-break spaces) become plain spaces: the built-in fonts lack U+202F. */
const text = (s: string) => plainSpaces(s).replace(/\u00a0/g, ' ');

const MARGIN = 20;
const WIDTH = 170;

export function welcomeLetterPdf(d: WelcomeLetter): PdfFile {
  const letter = welcomeLetterText(d);
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: false });
  doc.setProperties({ title: text(tFr('welcomeLetter.titleOf', { username: d.username })), subject: text(letter.heading), author: text(letter.from[0]), creator: 'Portée' });
  doc.setLanguage('fr-FR');

  let y = MARGIN;
  doc.setFont('helvetica', 'bold').setFontSize(12).text(text(letter.from[0]), MARGIN, y);
  doc.setFont('helvetica', 'normal').setFontSize(10);
  for (const line of letter.from.slice(1)) doc.text(text(line), MARGIN, (y += 5));

  let ty = MARGIN + 25;
  for (const line of letter.to) doc.text(text(line), 115, (ty += 5));
  y = Math.max(y, ty) + 12;
  doc.text(text(letter.date), 115, y);

  y += 15;
  doc.setFont('helvetica', 'bold').setFontSize(16).text(text(letter.heading), MARGIN, y);
  doc.setFont('helvetica', 'normal').setFontSize(11);
  y += 12;
  const paragraph = (s: string, gap = 4) => {
    const lines = doc.splitTextToSize(text(s), WIDTH) as string[];
    doc.text(lines, MARGIN, y);
    y += lines.length * 5.5 + gap;
  };
  paragraph(letter.salutation);
  paragraph(letter.opened, 6);
  doc.setFont('helvetica', 'bold').setFontSize(12);
  for (const line of letter.credentials) paragraph(line, 1);
  y += 6;
  doc.setFontSize(12).text(text(letter.passwordTitle), MARGIN, y);
  doc.setFont('helvetica', 'normal').setFontSize(11);
  y += 7;
  for (const p of letter.password) paragraph(p);
  y += 6;
  paragraph(letter.signature);
  return { blob: doc.output('blob'), fileName: `lettre-accueil-${d.username}.pdf` };
}

export { downloadFile } from '../../billing/pdf/billing-pdf.ts';
