/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import type { PendingUpload } from '../../client/data/pending-upload.ts';
import '../../client/documents/components/po-document-list.ts';
import type { PoDocumentList } from '../../client/documents/components/po-document-list.ts';
import { loadLocale, localeStore } from '../../client/i18n/i18n.ts';
import { documentIssues } from '../../shared/document-rules.ts';
import { frenchMessage } from '../../shared/validation-messages.ts';

const MB = 1024 * 1024;
const KINDS = [{ id: 'k-home', version: 1, owner: 'family' as const, label: 'Justificatif de domicile' }];

/** An upload the server refused, kept on the device as the queue keeps it. */
function refused(id: number, fileName: string, error: string, errorCode?: PendingUpload['errorCode']): PendingUpload {
  return {
    id,
    familyId: 'f1',
    studentId: null,
    kindId: 'k-home',
    replacesId: null,
    fileName,
    mediaType: 'application/pdf',
    size: 1.5 * MB,
    sha256: '0'.repeat(64),
    blob: new Blob(['%PDF-']),
    createdAt: `2026-11-2${id}T10:00:00.000Z`,
    idempotencyKey: `device-test:${id}:${'0'.repeat(64)}`,
    error,
    ...(errorCode === undefined ? {} : { errorCode }),
  };
}

const quota = documentIssues.quota(2 * MB, 1.5 * MB, 3 * MB);
const ROWS = [
  // Refused with its code (kept since the queue keeps codes).
  refused(2, 'quota.pdf', frenchMessage(quota), quota),
  // Refused before codes were kept: only the French text.
  refused(1, 'ancien.pdf', 'Ce fichier est illisible ou endommagé.'),
];

/** The refusal reason shown on the row of `fileName`. */
async function reasons() {
  const el = await fixture<PoDocumentList>(html`<po-document-list .pending=${ROWS} .kinds=${KINDS} caption="Documents"></po-document-list>`);
  const reason = (fileName: string) =>
    [...el.shadowRoot!.querySelectorAll('tbody tr')].find((row) => row.textContent!.includes(fileName))!.querySelector('.reason')!.textContent;
  return { el, quota: reason('quota.pdf'), old: reason('ancien.pdf') };
}

describe('a refused upload kept on the device, shown in the language of the moment', () => {
  afterEach(() => localeStore.set({ locale: 'fr' }));

  it('in French: the French text, sizes as the server wrote them', async () => {
    const { el, quota, old } = await reasons();
    expect(quota).to.equal(
      'Ce fichier (1,5 Mo) ne tient pas dans la place réservée aux documents de votre famille : 2 Mo déjà utilisés sur 3 Mo. Contactez le secrétariat.',
    );
    expect(old).to.equal('Ce fichier est illisible ou endommagé.');
    await expect(el).to.be.accessible();
  });

  it('in English: the coded refusal in English with English sizes; one kept without a code stays as it was stored', async () => {
    localeStore.set({ locale: 'en' });
    await loadLocale();
    const { quota, old } = await reasons();
    expect(quota).to.equal('This file (1.5 MB) does not fit in the space kept for your family’s documents: 2 MB already used out of 3 MB. Contact the office.');
    expect(old).to.equal('Ce fichier est illisible ou endommagé.');
  });

  it('a code this client does not know (a newer server): the stored French text', async () => {
    localeStore.set({ locale: 'en' });
    await loadLocale();
    const unknown = { code: 'documentFromTheFuture' } as unknown as PendingUpload['errorCode'];
    const el = await fixture<PoDocumentList>(
      html`<po-document-list .pending=${[refused(3, 'futur.pdf', 'Un refus plus récent.', unknown)]} .kinds=${KINDS}></po-document-list>`,
    );
    expect(el.shadowRoot!.querySelector('.reason')!.textContent).to.equal('Un refus plus récent.');
  });
});
