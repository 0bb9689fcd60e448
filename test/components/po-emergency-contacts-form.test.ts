/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { IDENTITY_CHANGE, type IdentityChangeArgs } from '../../shared/identity-schemas.ts';
import { db, setMeta } from '../../client/data/db.ts';
import type { Student } from '../../client/data/records.ts';
import '../../client/family/pages/po-student-contacts-page.ts';
import type { PoStudentContactsPage } from '../../client/family/pages/po-student-contacts-page.ts';
import { until } from '../helpers/until.ts';

const GRANDMA = { name: 'Jeanne Lefèvre', relation: 'Grand-mère', phone: '06 12 34 56 78', mayPickUp: true };
const STUDENT: Student = {
  id: 'st1', version: 4, familyId: 'f1', civility: 'Mme', lastName: 'Lefèvre', firstName: 'Lucie', birthDate: '2018-04-12', birthPlace: '', useFamilyContact: true,
  address: '', postalCode: '', city: '', phoneHome: '', phoneWork: '', mobile: '', email: '', school: '', schoolLevel: '', emergencyContacts: [GRANDMA],
};

/** The server as the page's fetches meet it: offline (every edit stays queued on the device). */
const realFetch = window.fetch;
const offline = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
};

async function render() {
  const el = await fixture<PoStudentContactsPage>(html`<po-student-contacts-page .studentId=${'st1'}></po-student-contacts-page>`);
  await until(() => !!el.shadowRoot!.querySelector('po-emergency-contacts-form')?.shadowRoot?.querySelector('form'));
  const form = el.shadowRoot!.querySelector('po-emergency-contacts-form')!;
  const root = form.shadowRoot!;
  const input = (id: string) => root.getElementById(id) as HTMLInputElement;
  const type = (id: string, value: string) => {
    input(id).value = value;
    input(id).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith(text)) as HTMLButtonElement;
  const status = () => root.querySelector('p[role="status"]')!.textContent!.trim();
  return { el, form, root, input, type, button, status };
}

const queuedArgs = async () => (await db.outbox.toArray()).filter((r) => r.name === IDENTITY_CHANGE).map((r) => r.args as IdentityChangeArgs);

describe('po-student-contacts-page (emergency contacts editor)', () => {
  beforeEach(async () => {
    await Promise.all([db.students.clear(), db.outbox.clear(), db.changeRequests.clear(), db.meta.clear()]);
    await setMeta('cursor', 1);
    await db.students.put(STUDENT);
    window.fetch = offline as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('shows the validated list in words (tel: link, "peut récupérer l’enfant : oui") and the editor with labelled fields', async () => {
    const { el, root, input } = await render();
    const list = el.shadowRoot!.querySelector('ul.contacts')!;
    expect(list.textContent).to.contain('Jeanne Lefèvre').and.contain('Grand-mère').and.contain('peut récupérer l’enfant : oui');
    expect(list.querySelector('a')!.getAttribute('href')).to.equal('tel:0612345678');
    expect(input('emergencyContacts.0.name').value).to.equal('Jeanne Lefèvre');
    expect(root.querySelector('label[for="emergencyContacts.0.phone"]')!.textContent).to.contain('Téléphone');
    expect((root.getElementById('emergencyContacts.0.mayPickUp') as HTMLInputElement).checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('keyboard: "Ajouter une personne" puts the focus on the new name; errors sit on each field, with a focused summary; nothing queued', async () => {
    const { form, root, input, type, button } = await render();
    button('Ajouter une personne').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root.activeElement === input('emergencyContacts.1.name'));
    await sendKeys({ type: 'Paul' });
    type('emergencyContacts.1.phone', '0612');
    button('Envoyer pour validation').click();
    await until(() => root.activeElement === root.getElementById('error-summary'));
    expect(input('emergencyContacts.1.phone').getAttribute('aria-invalid')).to.equal('true');
    expect(input('emergencyContacts.1.phone').getAttribute('aria-describedby')).to.contain('emergencyContacts.1.phone-error');
    expect(root.getElementById('emergencyContacts.1.phone-error')!.textContent).to.contain('Téléphone');
    const links = [...root.querySelectorAll('#error-summary li a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#emergencyContacts.1.phone']);
    expect(input('emergencyContacts.1.name').value).to.equal('Paul', 'what was typed stays');
    expect(await db.outbox.count()).to.equal(0);
    await expect(form).to.be.accessible();
  });

  it('offline: the new list is queued as a change of the student (from the list on file), shown "en attente d’envoi"; "Retirer" returns focus to the add button', async () => {
    const { root, input, type, button, status } = await render();
    button('Ajouter une personne').click();
    await until(() => !!input('emergencyContacts.1.name'));
    type('emergencyContacts.1.name', 'Paul Durand');
    type('emergencyContacts.1.relation', 'Voisin');
    type('emergencyContacts.1.phone', '01.34.77.88.99');
    (root.getElementById('emergencyContacts.1.mayPickUp.no') as HTMLInputElement).click();
    // Remove the grandmother: focus goes back to "Ajouter une personne".
    button('Retirer').click();
    await until(() => root.activeElement === root.getElementById('add-contact'));
    expect(status()).to.contain('Personne retirée');
    button('Envoyer pour validation').click();
    await until(() => status().includes('en attente d’envoi'));
    const [args] = await queuedArgs();
    expect(args.targetKind).to.equal('student');
    expect(args.targetId).to.equal('st1');
    expect(args.values).to.deep.equal({ emergencyContacts: [{ name: 'Paul Durand', relation: 'Voisin', phone: '01 34 77 88 99', mayPickUp: false }] });
    expect(args.from).to.deep.equal({ emergencyContacts: [GRANDMA] });
    await until(() => root.querySelector('.marker')?.textContent?.includes('en attente d’envoi') === true);
    expect(input('emergencyContacts.0.name').value).to.equal('Paul Durand', 'the list asked for is shown over the one on file');
  });

  it('another family’s student (not on the device): "Élève introuvable"', async () => {
    const el = await fixture<PoStudentContactsPage>(html`<po-student-contacts-page .studentId=${'inconnu'}></po-student-contacts-page>`);
    await until(() => el.shadowRoot!.querySelector('h1')?.textContent?.includes('introuvable') === true);
    expect(el.shadowRoot!.querySelector('po-emergency-contacts-form')).to.equal(null);
  });
});
