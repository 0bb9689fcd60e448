/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../../client/auth/pages/po-sign-in-page.ts';
import { until } from '../helpers/until.ts';
import { announcements, readAll, startReader, stopReader } from './screen-reader.ts';

const SITES = [
  { id: 's1', name: 'Mantes' },
  { id: 's2', name: 'Limay' },
];
const realFetch = window.fetch;

async function render() {
  const el = await fixture(html`<main><po-sign-in-page></po-sign-in-page></main>`);
  const page = el.querySelector('po-sign-in-page')!;
  await until(() => page.shadowRoot!.textContent!.includes('Limay'));
  await startReader(el);
  return { el, root: page.shadowRoot! };
}

describe('screen reader: sign in with an error', () => {
  beforeEach(() => {
    localStorage.clear();
    window.fetch = (async (input: RequestInfo | URL) =>
      String(input).includes('/api/sites') ? Response.json(SITES) : new Response(null, { status: 404 })) as typeof fetch;
  });
  afterEach(async () => {
    await stopReader();
    window.fetch = realFetch;
  });

  it('says the heading, then each field with its name, role and required state', async () => {
    await render();
    const said = await readAll();
    expect(said.slice(0, 3)).to.deep.equal(['main', 'heading, Connexion, level 1', 'form']);
    // The virtual reader speaks a select's value (the site's id) where a browser speaks the option's text.
    expect(said.find((p) => p.startsWith('combobox, Site,'))).to.match(/not invalid, required$/);
    expect(said).to.include('option, Mantes, s1, not selected, position 1, set size 2');
    expect(said).to.include('textbox, Identifiant, not invalid, required');
    // A password input has no ARIA role: the virtual reader says its label only (a real one adds "protected").
    expect(said).to.include('Mot de passe');
    expect(said).to.include('button, Se connecter, not disabled');
    expect(said).to.include.members(['status', 'link, Mot de passe perdu', 'link, Pré-inscription', 'link, Accessibilité']);
    expect(await announcements()).to.deep.equal([]);
  });

  it('submitting empty: the error summary is said once, then each field is said invalid with its message', async () => {
    const { root } = await render();
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => !!root.querySelector('[role="alert"]'), 8000);
    await new Promise((r) => setTimeout(r, 200));
    expect(await announcements()).to.deep.equal([
      'assertive: Le formulaire contient 2 erreur(s) : Le champ « Identifiant » est obligatoire.Le champ « Mot de passe » est obligatoire.',
    ]);
    const said = await readAll();
    expect(said).to.include.members([
      'alert',
      'link, Le champ « Identifiant » est obligatoire.',
      'link, Le champ « Mot de passe » est obligatoire.',
      'textbox, Identifiant, Le champ « Identifiant » est obligatoire., invalid, required',
      'Mot de passe, Le champ « Mot de passe » est obligatoire.',
    ]);
    // Typing fixes nothing aloud: the summary is not said again while the person corrects.
    const input = root.getElementById('username') as HTMLInputElement;
    input.value = 'claire';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 100));
    expect((await announcements()).length).to.equal(1);
  });
});
