import { jsPDF } from 'jspdf';
import { formatCents, plainSpaces } from '../../../shared/money.ts';
import type { Family, Site } from '../../data/records.ts';
import { formatDate as formatDateIn, tFr as t } from '../../i18n/i18n.ts';

/**
 * What every PDF of the conservatory draws alike (invoices, receipts, attestations): the document
 * itself, the conservatory's identity with the addressee, the "made on" footer, and French money
 * and dates in characters jsPDF's built-in fonts can draw. Only ever reached through a dynamic
 * import() of a PDF module, so jsPDF stays out of the first load.
 */

/** The conservatory's official documents are French whatever the screen's language. */
export const formatDateFr = (iso: string, opts?: Intl.DateTimeFormatOptions) => formatDateIn(iso, opts, 'fr');

/** Intl's narrow no-break spaces (and no-break spaces) become plain spaces: the fonts lack U+202F. */
export const text = (s: string) => plainSpaces(s).replace(/\u00a0/g, ' ');
/** formatCents never writes "-0,00 €" (docs: shared/TOOLCHAIN.md). */
export const money = (cents: number) => text(formatCents(cents));
export const date = (iso: string) => text(formatDateFr(iso));

/** "Mode de règlement" in French (the screens' paymentModeLabel follows the chosen language). */
export const paymentModeFr = (mode: string) =>
  (['payfip', 'cheque', 'cash', 'direct_debit'] as const).includes(mode as 'cash') ? t(`billing.mode.${mode as 'cash'}`) : mode;

export const MARGIN = 20;
export const RIGHT = 190;

export interface PdfFile {
  blob: Blob;
  fileName: string;
}

export function newDocument(title: string, subject: string, site: Site | undefined, keywords: string): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: false });
  const author = site ? t('pdf.conservatory', { site: site.name }) : t('app.name');
  doc.setProperties({ title: text(title), subject: text(subject), author: text(author), creator: 'Portée', keywords });
  doc.setLanguage('fr-FR');
  doc.setFont('helvetica', 'normal');
  return doc;
}

/** Conservatory (left) and addressee (right, under `partyLabel`) blocks; returns the y below them. */
export function header(doc: jsPDF, site: Site | undefined, family: Family | undefined, partyLabel: string): number {
  let y = MARGIN;
  doc.setFontSize(14).setFont('helvetica', 'bold');
  doc.text(text(site ? t('pdf.conservatory', { site: site.name }) : t('app.name')), MARGIN, y);
  doc.setFontSize(10).setFont('helvetica', 'normal');
  const siteLines = site ? [site.address, `${site.postalCode} ${site.city}`.trim(), site.phone, site.email].filter(Boolean) : [];
  for (const line of siteLines) doc.text(text(line), MARGIN, (y += 5));

  let fy = MARGIN + 20;
  doc.setFont('helvetica', 'bold').text(text(partyLabel), 115, fy);
  doc.setFont('helvetica', 'normal');
  const familyLines = family ? [`${family.civility} ${family.firstName} ${family.lastName}`.trim(), family.address, `${family.postalCode} ${family.city}`.trim()].filter(Boolean) : [];
  for (const line of familyLines) doc.text(text(line), 115, (fy += 5));
  return Math.max(y, fy) + 12;
}

/** The bottom line; `message` defaults to "Document établi le … par Portée." (today). */
export function footer(doc: jsPDF, message = t('pdf.madeOn', { date: formatDateFr(new Date().toISOString().slice(0, 10)) })) {
  doc.setFontSize(8).setTextColor(80);
  doc.text(doc.splitTextToSize(text(message), RIGHT - MARGIN) as string[], MARGIN, 285);
  doc.setTextColor(0);
}

/** Hands the file to the browser as a download (an <a download>, which the router leaves alone). */
export function downloadFile(file: PdfFile) {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'external';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
