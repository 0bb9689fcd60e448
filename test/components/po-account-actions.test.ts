/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../client/admin/components/po-account-actions.ts';
import type { PoAccountActions } from '../../client/admin/components/po-account-actions.ts';
import type { WelcomeLetter } from '../../client/admin/data/desk-accounts.ts';
import { welcomeLetterPdf } from '../../client/admin/pdf/welcome-letter-pdf.ts';
import { loadLocale, localeStore } from '../../client/i18n/i18n.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { until } from '../helpers/until.ts';

const ACCOUNT = { id: 'u1', username: 'famille.martin', email: 'julien@exemple.fr' };
const STATE = { id: 'u1', username: 'famille.martin', email: 'julien@exemple.fr', name: 'Julien Martin', role: 'family', disabled: false };

const realFetch = window.fetch;
let calls: string[] = [];
let answer: (method: string, url: string) => Response | Promise<Response>;

const label = (b: Element) => b.textContent!.replace(/\s+/g, ' ').trim();
const buttons = (el: PoAccountActions) => [...el.shadowRoot!.querySelectorAll('button')].filter((b) => !b.closest('[hidden]'));
const button = (el: PoAccountActions, name: string) => buttons(el).find((b) => label(b) === name) as HTMLButtonElement;
const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

async function opened() {
  const el = await fixture<PoAccountActions>(html`<po-account-actions .account=${ACCOUNT}></po-account-actions>`);
  button(el, 'Gérer le compte famille.martin').focus();
  await sendKeys({ press: 'Enter' });
  await until(() => !!button(el, 'Désactiver famille.martin') || !!button(el, 'Réactiver famille.martin'));
  return el;
}

describe('po-account-actions', () => {
  beforeEach(() => {
    calls = [];
    answer = (method) => (method === 'GET' ? Response.json(STATE) : Response.json({}));
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${String(input)}${init?.body ? ' ' + String(init.body) : ''}`);
      return answer(method, String(input));
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
    localeStore.set({ locale: 'fr' });
  });

  it('closed: one disclosure naming its account, nothing asked of the server', async () => {
    const el = await fixture<PoAccountActions>(html`<po-account-actions .account=${ACCOUNT}></po-account-actions>`);
    expect(buttons(el).map(label)).to.deep.equal(['Gérer le compte famille.martin']);
    expect(buttons(el)[0].getAttribute('aria-expanded')).to.equal('false');
    expect(calls).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('opened with the keyboard: reads the state, and offers each action named for its account', async () => {
    let told: { id: string; disabled: boolean } | null = null;
    document.addEventListener('po-account-state', (e) => (told = e.detail), { once: true });
    const el = await opened();
    expect(calls).to.deep.equal(['GET /api/admin/accounts/u1']);
    expect(told).to.deep.equal({ id: 'u1', disabled: false });
    expect(el.shadowRoot!.textContent).to.contain('Compte actif : il peut se connecter.');
    expect(buttons(el).map(label)).to.deep.equal([
      'Gérer le compte famille.martin',
      'Désactiver famille.martin',
      'Modifier l’e-mail du compte famille.martin',
      'Lettre d’accueil (PDF) du compte famille.martin',
    ]);
    const link = el.shadowRoot!.querySelector('a')!;
    expect(label(link)).to.equal('Lettre d’accueil (page) du compte famille.martin');
    expect(link.getAttribute('href')).to.equal('/admin/comptes/u1/lettre');
    await expect(el).to.be.accessible();
  });

  it('"Désactiver" asks first ("Annuler" focused); confirmed, it is announced and becomes "Réactiver"', async () => {
    const el = await opened();
    answer = (method) => (method === 'GET' ? Response.json(STATE) : Response.json({ disabled: true, message: 'ok' }));
    button(el, 'Désactiver famille.martin').focus();
    await sendKeys({ press: 'Enter' });
    const dialog = el.shadowRoot!.querySelector('po-evaluation-confirm-dialog')!;
    await until(() => !!dialog.shadowRoot!.querySelector('dialog[open]'));
    expect(dialog.shadowRoot!.querySelector('h2')!.textContent).to.equal('Désactiver le compte famille.martin ?');
    expect(label(deepActive()!)).to.equal('Annuler');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.includes('désactivé'));
    expect(calls.at(-1)).to.equal('POST /api/admin/accounts/u1/disable');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Le compte famille.martin est désactivé');
    expect(button(el, 'Réactiver famille.martin')).to.exist;
    expect(el.shadowRoot!.textContent).to.contain('Compte désactivé : il ne peut pas se connecter.');
  });

  it('"Modifier l’e-mail": checked first; an address taken is said next to the field; offline says it needs the network; done is announced', async () => {
    const el = await opened();
    button(el, 'Modifier l’e-mail du compte famille.martin').click();
    await until(() => !!el.shadowRoot!.getElementById('email'));
    const input = el.shadowRoot!.getElementById('email') as HTMLInputElement;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect(input.value).to.equal('julien@exemple.fr');
    input.value = 'pas-une-adresse';
    input.dispatchEvent(new InputEvent('input'));
    button(el, 'Enregistrer l’e-mail').click();
    await until(() => el.shadowRoot!.activeElement?.id === 'error-summary');
    expect(el.shadowRoot!.getElementById('email-error')!.textContent).to.contain('adresse e-mail valide');
    expect(calls).to.deep.equal(['GET /api/admin/accounts/u1']);

    input.value = 'pris@exemple.fr';
    input.dispatchEvent(new InputEvent('input'));
    answer = () => Response.json({ error: { code: 'validation', message: 'Certains champs sont à corriger.', fields: { email: 'Un compte utilise déjà cette adresse e-mail.' } } }, { status: 422 });
    button(el, 'Enregistrer l’e-mail').click();
    await until(() => !!el.shadowRoot!.getElementById('email-error')?.textContent!.includes('déjà'));
    expect(calls.at(-1)).to.equal('PATCH /api/admin/accounts/u1/email {"email":"pris@exemple.fr"}');

    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    button(el, 'Enregistrer l’e-mail').click();
    await until(() => !!el.shadowRoot!.getElementById('error-summary')?.textContent!.includes('besoin du réseau'));
    expect(input.value).to.equal('pris@exemple.fr', 'what was typed is kept');

    let changed = 0;
    el.addEventListener('po-accounts-changed', () => changed++);
    answer = () => Response.json({ email: 'nouvelle@exemple.fr', message: 'ok' });
    input.value = 'Nouvelle@Exemple.fr';
    input.dispatchEvent(new InputEvent('input'));
    button(el, 'Enregistrer l’e-mail').click();
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    await until(() => status.textContent!.includes('nouvelle@exemple.fr'));
    expect(status.textContent).to.contain('L’adresse du compte famille.martin est maintenant nouvelle@exemple.fr');
    expect(el.shadowRoot!.activeElement).to.equal(status);
    expect(changed).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('a refusal (another site’s account) is said in an alert', async () => {
    answer = () => Response.json({ error: { code: 'not_found', message: 'Compte introuvable.' } }, { status: 404 });
    const el = await fixture<PoAccountActions>(html`<po-account-actions .account=${ACCOUNT}></po-account-actions>`);
    buttons(el)[0].click();
    await until(() => el.shadowRoot!.querySelector('[role="alert"]')?.textContent === 'Compte introuvable.');
  });
});

describe('the welcome letter PDF', () => {
  const LETTER = {
    siteName: 'Mantes', site: { name: 'Mantes', address: '12 rue de la Musique', postalCode: '78200', city: 'Mantes-la-Jolie', phone: '01 30 00 00 00', email: 'conservatoire@exemple.fr' },
    username: 'elise.dubois', email: 'elise@exemple.fr', role: 'family', familyId: 'f1', teacherId: null, portalUrl: 'https://portee.exemple.fr',
    signInUrl: 'https://portee.exemple.fr/connexion', lostPasswordUrl: 'https://portee.exemple.fr/mot-de-passe-perdu',
    familyName: 'Dubois', civility: 'Mme', firstName: 'Élise', lastName: 'Dubois', address: '3 rue des Lilas', postalCode: '78200', city: 'Mantes-la-Jolie',
  } as WelcomeLetter;

  it('says the site, the identifiant, the portal and how to choose a password, in French whatever the screen’s language; never a password', async () => {
    localeStore.set({ locale: 'en' });
    await loadLocale();
    const file = welcomeLetterPdf(LETTER);
    expect(file.fileName).to.equal('lettre-accueil-elise.dubois.pdf');
    const pdf = pdfText(new Uint8Array(await file.blob.arrayBuffer()));
    expect(pdf.lang).to.equal('fr-FR');
    expect(pdf.text).to.contain('Identifiant : elise.dubois').and.contain('Site : Mantes').and.contain('Adresse du portail : https://portee.exemple.fr');
    expect(pdf.text).to.contain('Mot de passe perdu').and.contain('elise@exemple.fr').and.contain('Mme Élise Dubois');
    expect(pdf.text).not.to.match(/Welcome|password:/i);
  });
});
