/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { loadLocale, localeStore } from '../../client/i18n/i18n.ts';
import { invoicePdf, receiptPdf, type BillingPdfData } from '../../client/billing/pdf/billing-pdf.ts';
import { pdfText } from '../helpers/pdf-text.ts';

const v = { version: 1 };
const DATA: BillingPdfData = {
  site: { ...v, id: 's1', name: 'Mantes', address: '12 rue de la Musique', postalCode: '78200', city: 'Mantes-la-Jolie', phone: '01 30 00 00 00', email: 'conservatoire@exemple.fr' },
  family: { ...v, id: 'f1', siteId: 's1', civility: 'Mme', lastName: 'Lefèvre', firstName: 'Claire', smsOptIn: false, address: '3 rue des Lilas', postalCode: '78200', city: 'Mantes-la-Jolie', phoneHome: '', phoneWork: '', mobile: '', email: 'claire@exemple.fr' },
  invoice: { ...v, id: 'i1', familyId: 'f1', number: 'FACT20260412', date: '2026-10-05', dueDate: '2026-11-05', schoolYear: '2026-2027', label: 'Cotisation 2026-2027', amountCents: 18400 },
  lines: [{ ...v, id: 'l1', invoiceId: 'i1', position: 1, label: 'Formation musicale', studentId: null, quantity: 1, unitCents: 18400, amountCents: 18400 }],
  payments: [{ ...v, id: 'p1', familyId: 'f1', invoiceId: 'i1', date: '2026-11-03', mode: 'cheque', operationNumber: '', label: 'Règlement', amountCents: 18400, schoolYear: '2026-2027' }],
  discounts: [],
};

async function text(blob: Blob) {
  return pdfText(new Uint8Array(await blob.arrayBuffer()));
}

describe('billing PDFs', () => {
  afterEach(() => localeStore.set({ locale: 'fr' }));

  it('stay in French when the screens are in English (the conservatory’s official documents)', async () => {
    localeStore.set({ locale: 'en' });
    await loadLocale();
    const receipt = await text(receiptPdf(DATA, 'p1').blob);
    expect(receipt.lang).to.equal('fr-FR');
    expect(receipt.text).to.contain('Mode de règlement : Chèque').and.contain('3 novembre 2026');
    expect(receipt.text).not.to.match(/Cheque|November|Payment/);
    const invoice = await text(invoicePdf(DATA).blob);
    expect(invoice.text).to.contain('Libellé').and.contain('5 octobre 2026').and.contain('Facture');
    expect(invoice.text).not.to.match(/Description|Quantity|October/);
  });
});
