/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { db } from '../../client/data/db.ts';
import { sendPendingUploads } from '../../client/data/document-queue.ts';
import '../../client/documents/components/po-document-upload-form.ts';
import type { PoDocumentUploadForm } from '../../client/documents/components/po-document-upload-form.ts';
import { loadLocale, localeStore } from '../../client/i18n/i18n.ts';
import { until } from '../helpers/until.ts';
import { XhrStandIn } from './xhr-stand-in.ts';

const KINDS = [
  { id: 'k-tax', version: 1, owner: 'family' as const, label: 'Avis d’imposition' },
  { id: 'k-home', version: 1, owner: 'family' as const, label: 'Justificatif de domicile' },
];
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** What the upload "server" does with the next request: answer, or fail as a network would. */
type Behaviour = { kind: 'answer'; status: number; body: unknown } | { kind: 'network-error' };
let next: Behaviour;
let requests: FormData[] = [];

/** A stand-in for XMLHttpRequest: reports upload progress in three steps, then answers. */
class FakeXhr extends XhrStandIn {
  send(form: FormData) {
    requests.push(form);
    const behaviour = next;
    // Each event in its own task, as a browser sends them.
    const later = () => new Promise((r) => setTimeout(r, 30));
    void (async () => {
      await later();
      if (behaviour.kind === 'network-error') return this.onerror?.();
      for (const loaded of [30, 60, 100]) {
        this.upload.onprogress?.({ loaded, total: 100, lengthComputable: true } as ProgressEvent);
        await later();
      }
      this.status = behaviour.status;
      this.responseText = JSON.stringify(behaviour.body);
      this.onload?.();
    })();
  }
}

const realXhr = window.XMLHttpRequest;

/** A document as the server answers it once stored. */
const STORED = { id: 'd1', version: 5, familyId: 'f1', studentId: null, kindId: 'k-home', fileName: 'domicile.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, status: 'received', rejectionReason: null, createdAt: new Date().toISOString() };

async function render(maxBytes?: number) {
  const el = await fixture<PoDocumentUploadForm>(
    html`<po-document-upload-form .kinds=${KINDS} .familyId=${'f1'} max-bytes=${maxBytes ?? 10 * 1024 * 1024}></po-document-upload-form>`,
  );
  const root = el.shadowRoot!;
  const select = root.getElementById('kindId') as HTMLSelectElement;
  const input = root.getElementById('file') as HTMLInputElement;
  const choose = (kindId: string, file?: File) => {
    select.value = kindId;
    select.dispatchEvent(new Event('change'));
    const transfer = new DataTransfer();
    if (file) transfer.items.add(file);
    input.files = transfer.files;
  };
  const submit = () => (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
  return { el, root, select, input, choose, submit };
}

describe('po-document-upload-form', () => {
  beforeEach(async () => {
    await Promise.all([db.pendingUploads.clear(), db.documents.clear()]);
    requests = [];
    (window as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
  });
  afterEach(() => {
    window.XMLHttpRequest = realXhr;
    localeStore.set({ locale: 'fr' });
  });

  it('nothing chosen: a focused summary names both fields, each field is marked and described; nothing is kept', async () => {
    const { el, root, select, input, submit } = await render();
    submit();
    await until(() => !!root.getElementById('error-summary'));
    await el.updateComplete;
    const summary = root.getElementById('error-summary')!;
    expect(root.activeElement).to.equal(summary);
    expect([...summary.querySelectorAll('li a')].map((a) => a.textContent)).to.deep.equal([
      'Choisissez le type de document.',
      'Choisissez un fichier à envoyer.',
    ]);
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect(select.getAttribute('aria-describedby')).to.equal('kindId-error');
    expect(input.getAttribute('aria-describedby')).to.equal('file-hint file-error');
    // The summary's link takes the keyboard to the field.
    (summary.querySelector('a[href="#file"]') as HTMLAnchorElement).click();
    expect(root.activeElement).to.equal(input);
    expect(await db.pendingUploads.count()).to.equal(0);
    expect(requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a file that is not a PDF, JPEG or PNG (read from its bytes, whatever its name) is refused before anything is kept', async () => {
    const { root, choose, submit, select } = await render();
    choose('k-tax', new File(['GIF89a not really'], 'avis.pdf', { type: 'application/pdf' }));
    submit();
    await until(() => !!root.getElementById('error-summary'));
    expect(root.getElementById('file-error')!.textContent).to.contain('n’est pas accepté').and.contain('PDF, JPEG ou PNG').and.contain('10 Mo');
    expect(select.value).to.equal('k-tax', 'the chosen kind is kept');
    expect(await db.pendingUploads.count()).to.equal(0);
    expect(requests).to.have.length(0);
  });

  it('a file over the limit is refused with the limit named', async () => {
    const { root, choose, submit } = await render(40);
    choose('k-tax', new File([PDF], 'avis.pdf'));
    submit();
    await until(() => !!root.getElementById('file-error'));
    expect(root.getElementById('file-error')!.textContent).to.contain('Ce fichier dépasse');
    expect(await db.pendingUploads.count()).to.equal(0);
  });

  it('sent with the keyboard: progress announced at 25, 50 then 100 %, the document stored, the queue empty', async () => {
    const { el, root, select, choose } = await render();
    choose('k-home', new File([PDF], 'domicile.pdf'));
    const document = { ...STORED, fileName: 'domicile.pdf' };
    next = { kind: 'answer', status: 201, body: { document, replay: false } };
    const status = root.querySelector('[role="status"]')!;
    const heard: string[] = [];
    new MutationObserver(() => heard.push(status.textContent!.trim())).observe(status, { childList: true, subtree: true, characterData: true });
    select.focus();
    await sendKeys({ press: 'Tab' }); // the file input
    await sendKeys({ press: 'Tab' }); // "Envoyer"
    expect((root.activeElement as HTMLElement).textContent!.trim()).to.equal('Envoyer');
    await sendKeys({ press: 'Enter' });
    await until(() => status.textContent!.includes('envoyé'));
    expect(heard.filter(Boolean)).to.include.members(['Envoi du fichier : 25 %', 'Envoi du fichier : 50 %', 'Envoi du fichier : 100 %']);
    expect(status.textContent).to.contain('Document « domicile.pdf » envoyé');
    expect(requests).to.have.length(1);
    expect(requests[0].get('kindId')).to.equal('k-home');
    expect(String(requests[0].get('idempotencyKey'))).to.match(/\S{20,}/);
    expect((await db.documents.get('d1'))?.status).to.equal('received');
    expect(await db.pendingUploads.count()).to.equal(0);
    expect(select.value).to.equal('', 'the form is ready for the next document');
    await expect(el).to.be.accessible();
  });

  /** "avis.pdf" chosen and sent with no network: the form's status once it says so. */
  async function keptOffline() {
    const { root, choose, submit } = await render();
    next = { kind: 'network-error' };
    choose('k-tax', new File([PDF], 'avis.pdf'));
    submit();
    const status = root.querySelector('[role="status"]')!;
    await until(() => status.textContent!.includes('hors ligne'));
    return { root, status };
  }

  it('offline: the file is kept on the device with its bytes, and the family is told it will be sent later', async () => {
    const { root, status } = await keptOffline();
    expect(status.textContent).to.contain('« avis.pdf » est gardé sur cet appareil');
    const [kept] = await db.pendingUploads.toArray();
    expect(kept.fileName).to.equal('avis.pdf');
    expect(kept.error ?? null).to.equal(null);
    expect(new Uint8Array(await kept.blob.arrayBuffer())).to.deep.equal(PDF);
    expect(root.querySelector('progress')).to.equal(null);
  });

  it('kept offline, then sent by a later trigger: the form says it was sent, no longer that it is kept', async () => {
    const { status } = await keptOffline();
    const [kept] = await db.pendingUploads.toArray();
    next = { kind: 'answer', status: 201, body: { document: { ...STORED, id: 'd-later', kindId: 'k-tax', fileName: 'avis.pdf' }, replay: false } };
    // The network's return (or a retry, or a pull): the page sent nothing itself.
    expect(await sendPendingUploads()).to.equal('done');
    await until(() => status.textContent!.includes('envoyé'));
    expect(status.textContent).to.contain('Document « avis.pdf » envoyé');
    expect(status.textContent).not.to.contain('hors ligne');
    expect(await db.pendingUploads.get(kept.id)).to.equal(undefined);
  });

  it('the file name is cleaned before it is kept, sent or shown: no bidirectional or control characters, no endless name', async () => {
    const { root, choose, submit } = await render();
    next = { kind: 'network-error' };
    // "avis‮fdp.exe.pdf" would show as "avisfdp.exe.pdf" mirrored: "avis" + "fdp.exe.pdf" read right to left.
    choose('k-tax', new File([PDF], `avis\u202Efdp\u200E\u0007${'x'.repeat(1000)}.pdf`));
    submit();
    const status = root.querySelector('[role="status"]')!;
    await until(() => status.textContent!.includes('hors ligne'));
    const [kept] = await db.pendingUploads.toArray();
    expect(kept.fileName).to.match(/^avisfdpx+\.pdf$/);
    expect(kept.fileName.length).to.be.at.most(120);
    expect(status.textContent).to.contain(`« ${kept.fileName} »`);
    expect(status.textContent).not.to.match(/[\u202E\u200E\u0007]/);
    expect((requests[0].get('file') as File).name).to.equal(kept.fileName, 'the server receives the cleaned name');
  });

  it('refused by the server: its reason in the focused summary, the file kept aside with the reason', async () => {
    const { root, choose, submit } = await render();
    next = { kind: 'answer', status: 422, body: { error: { code: 'validation', message: 'Refusé.', fields: { file: 'Ce fichier est illisible ou endommagé.' } } } };
    choose('k-tax', new File([PDF], 'avis.pdf'));
    submit();
    await until(() => !!root.getElementById('error-summary'));
    await until(() => root.activeElement === root.getElementById('error-summary'));
    expect(root.getElementById('error-summary')!.textContent).to.contain('« avis.pdf » n’a pas été accepté par le serveur : Ce fichier est illisible ou endommagé.');
    const [kept] = await db.pendingUploads.toArray();
    expect(kept.error).to.equal('Ce fichier est illisible ou endommagé.');
    expect(kept.errorCode ?? null).to.equal(null, 'no code came with it');
  });

  it('in English: its own checks and the server’s coded refusal in English, the code kept with the refused file', async () => {
    localeStore.set({ locale: 'en' });
    await loadLocale();
    const { root, choose, submit } = await render(40);
    expect(root.getElementById('file-hint')!.textContent).to.contain('0 MB at most');
    choose('k-tax', new File([PDF], 'avis.pdf'));
    submit();
    await until(() => !!root.getElementById('file-error'));
    expect(root.getElementById('file-error')!.textContent).to.equal('This file is larger than 0 MB. Send a PDF, JPEG or PNG file of 0 MB at most.');

    const { root: root2, choose: choose2, submit: submit2 } = await render();
    const unreadable = { code: 'documentUnreadable', params: { maxBytes: 10 * 1024 * 1024 } };
    const french = 'Ce fichier est illisible ou endommagé. Envoyez un fichier PDF, JPEG ou PNG de 10 Mo au plus.';
    next = { kind: 'answer', status: 422, body: { error: { code: 'unreadable_file', message: french, fields: { file: french }, fieldCodes: { file: unreadable } } } };
    choose2('k-tax', new File([PDF], 'avis.pdf'));
    submit2();
    await until(() => !!root2.getElementById('error-summary') && root2.activeElement === root2.getElementById('error-summary'));
    expect(root2.getElementById('error-summary')!.textContent).to.contain(
      '“avis.pdf” was not accepted by the server: This file cannot be read or is damaged. Send a PDF, JPEG or PNG file of 10 MB at most.',
    );
    const [kept] = await db.pendingUploads.toArray();
    expect(kept.error).to.equal(french);
    expect(kept.errorCode).to.deep.equal(unreadable);
  });
});
