/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { db } from '../../client/data/db.ts';
import '../../client/documents/components/po-document-upload-form.ts';
import { until } from '../helpers/until.ts';
import { announcements, readAll, startReader, stopReader } from './screen-reader.ts';

const KINDS = [{ id: 'k-tax', version: 1, owner: 'family' as const, label: 'Avis d’imposition' }];
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** An upload that meets no network. */
class OfflineXhr {
  upload = { onprogress: null };
  onerror: (() => void) | null = null;
  open() {}
  setRequestHeader() {}
  send() {
    setTimeout(() => this.onerror?.(), 30);
  }
}
const realXhr = window.XMLHttpRequest;
const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));

describe('screen reader: uploading a document', () => {
  beforeEach(async () => {
    await Promise.all([db.pendingUploads.clear(), db.documents.clear()]);
    (window as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = OfflineXhr;
  });
  afterEach(async () => {
    await stopReader();
    window.XMLHttpRequest = realXhr;
  });

  async function render(maxBytes: number) {
    const el = await fixture(html`<div><po-document-upload-form .kinds=${KINDS} .familyId=${'f1'} max-bytes=${maxBytes}></po-document-upload-form></div>`);
    const root = el.querySelector('po-document-upload-form')!.shadowRoot!;
    await until(() => !!root.getElementById('file'));
    const choose = (file: File) => {
      const select = root.getElementById('kindId') as HTMLSelectElement;
      select.value = 'k-tax';
      select.dispatchEvent(new Event('change'));
      const transfer = new DataTransfer();
      transfer.items.add(file);
      (root.getElementById('file') as HTMLInputElement).files = transfer.files;
    };
    const submit = () => root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await startReader(el);
    return { root, choose, submit };
  }

  it('a file of the wrong type: the refusal said once, the file field read invalid with it', async () => {
    const { root, choose, submit } = await render(10 * 1024 * 1024);
    const before = await readAll();
    expect(before).to.include.members([
      'heading, Envoyer un document, level 2',
      'form, Envoyer un document',
      'combobox, Type de document, has popup listbox, not expanded, not invalid, required',
      'Fichier, PDF, JPEG ou PNG, 10 Mo au plus. Sur un téléphone, vous pouvez aussi prendre une photo.',
      'button, Envoyer',
      'status',
    ]);
    choose(new File(['GIF89a not really'], 'avis.pdf', { type: 'application/pdf' }));
    submit();
    await until(() => !!root.getElementById('error-summary'));
    await settle();
    const refused = 'Ce type de fichier n’est pas accepté. Envoyez un fichier PDF, JPEG ou PNG de 10 Mo au plus.';
    expect(await announcements()).to.deep.equal([`assertive: Le document n’a pas été envoyé. Le formulaire contient 1 erreur(s) : ${refused}`]);
    const after = await readAll();
    expect(after).to.include.members(['alert', `link, ${refused}`, 'combobox, Type de document, k-tax, has popup listbox, not expanded, not invalid, required']);
    // A file input has no ARIA role: the virtual reader says its name, value and description (the error
    // among them) but no invalid state, which the input carries for real screen readers.
    expect(after.find((p) => p.startsWith('Fichier, '))).to.match(new RegExp(`^Fichier, .*avis\\.pdf, PDF, JPEG ou PNG.* ${refused}$`));
    expect(root.getElementById('file')!.getAttribute('aria-invalid')).to.equal('true');
    expect(await announcements()).to.have.length(1);
  });

  it('a file too large: the refusal said once; a file kept offline: its status said once', async () => {
    const { root, choose, submit } = await render(40);
    choose(new File([PDF], 'avis.pdf'));
    submit();
    await until(() => !!root.getElementById('file-error'));
    await settle();
    const tooLarge = await announcements();
    expect(tooLarge).to.have.length(1);
    expect(tooLarge[0]).to.match(/^assertive: Le document n’a pas été envoyé\. Le formulaire contient 1 erreur\(s\) : Ce fichier dépasse \d+ Mo\./);
    await stopReader();
    const again = await render(10 * 1024 * 1024);
    again.choose(new File([PDF], 'avis.pdf'));
    again.submit();
    await until(() => again.root.querySelector('[role="status"]')!.textContent!.includes('hors ligne'));
    await settle(300);
    expect(await announcements()).to.deep.equal(['polite: Vous êtes hors ligne : « avis.pdf » est gardé sur cet appareil et sera envoyé au retour du réseau.']);
  });
});
