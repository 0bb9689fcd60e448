/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../client/preregistration/pages/po-preregistration-page.ts';
import type { PoPreregistrationPage } from '../../client/preregistration/pages/po-preregistration-page.ts';
import { loadDraft, saveDraft } from '../../client/preregistration/data/preregistration-draft.ts';
import { until } from '../helpers/until.ts';

const realFetch = window.fetch;
let calls: string[] = [];
/** What POST /api/preregistration answers (the other requests answer the catalogue). */
let sendAnswer: () => Response | Promise<Response> = () => Response.json({ reference: 'PI-2026-ABCDEF' }, { status: 201 });

async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  calls.push(`${init?.method ?? 'GET'} ${url}`);
  if (url.startsWith('/api/sites')) return Response.json([{ id: 's1', name: 'Mantes' }, { id: 's2', name: 'Limay' }]);
  if (url.startsWith('/api/preregistration/form')) return Response.json({ formToken: '1764640000000.token', disciplines: ['Formation musicale', 'Piano', 'Violon'] });
  if (url.startsWith('/api/preregistration')) return sendAnswer();
  return new Response(null, { status: 404 });
}

/** The element of that id exists and has the focus (null === null must not count). */
const isFocused = (root: ShadowRoot, id: string) => !!root.getElementById(id) && root.activeElement === root.getElementById(id);

async function render(siteId = 's1') {
  const el = await fixture<PoPreregistrationPage>(html`<po-preregistration-page></po-preregistration-page>`);
  const root = el.shadowRoot!;
  await until(() => !!root.querySelector('select[id="children.0.disciplines.0"]') && (root.getElementById('siteId') as HTMLSelectElement).value === siteId);
  const field = (id: string) => root.getElementById(id) as HTMLInputElement;
  const type = (id: string, value: string) => {
    field(id).value = value;
    field(id).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  const choose = (id: string, value: string) => {
    (field(id) as unknown as HTMLSelectElement).value = value;
    field(id).dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };
  const submit = () => (root.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
  const status = () => root.querySelector('div[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
  const summary = () => root.getElementById('error-summary');
  return { el, root, field, type, choose, submit, status, summary };
}

/** A complete responsible adult and first child, as a person would type them. */
async function fillValid(f: Awaited<ReturnType<typeof render>>) {
  f.choose('responsible.civility', 'Mme');
  f.type('responsible.lastName', 'Durand');
  f.type('responsible.firstName', 'Sophie');
  f.type('responsible.email', 'sophie.durand@exemple.fr');
  f.type('children.0.firstName', 'Léa');
  f.type('children.0.lastName', 'Durand');
  f.type('children.0.birthDate', '2016-03-15');
  f.choose('children.0.disciplines.0', 'Piano');
  f.choose('children.0.level', 'debutant');
  const consent = f.field('consent');
  consent.checked = true;
  consent.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await f.el.updateComplete;
}

describe('po-preregistration-page', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    calls = [];
    sendAnswer = () => Response.json({ reference: 'PI-2026-ABCDEF' }, { status: 201 });
    window.fetch = fakeFetch as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
    localStorage.clear();
  });

  it('one fieldset per child named by its heading, the site’s disciplines, a hidden honeypot; accessible', async () => {
    const { el, root } = await render();
    expect(root.querySelectorAll('h1')).to.have.length(1);
    const child = root.querySelector('fieldset.child')!;
    expect(child.querySelector('legend')!.textContent!.trim()).to.equal('Enfant 1');
    const options = [...root.querySelectorAll('select[id="children.0.disciplines.0"] option')].map((o) => o.textContent);
    expect(options).to.deep.equal(['Choisir…', 'Formation musicale', 'Piano', 'Violon']);
    // Only one child: nothing to remove.
    expect([...root.querySelectorAll('button')].some((b) => b.textContent!.includes('Retirer cet enfant'))).to.equal(false);
    const trap = root.getElementById('website') as HTMLInputElement;
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.getAttribute('autocomplete')).to.equal('off');
    expect(trap.closest('[aria-hidden="true"]')).to.not.equal(null);
    expect(root.querySelector('label[for="website"]')).to.not.equal(null);
    expect(trap.getBoundingClientRect().right).to.be.below(0);
    expect(calls).to.include('GET /api/preregistration/form?siteId=s1');
    await expect(el).to.be.accessible();
  });

  it('keyboard: "Ajouter un enfant" focuses the new child’s first field; "Retirer cet enfant" the previous child’s heading, or the add button; each announced', async () => {
    const { el, root, status } = await render();
    const add = root.getElementById('add-child') as HTMLButtonElement;
    add.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => isFocused(root, 'children.1.firstName'));
    expect(status()).to.contain('Enfant 2 ajouté.');
    expect(root.querySelectorAll('fieldset.child')).to.have.length(2);
    await sendKeys({ type: 'Tom' });
    add.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => isFocused(root, 'children.2.firstName'));
    await expect(el).to.be.accessible();

    // Remove the third child: the focus goes to the second one's heading.
    const removeButtons = () => [...root.querySelectorAll('fieldset.child button')] as HTMLButtonElement[];
    removeButtons()[2].focus();
    await sendKeys({ press: 'Enter' });
    await until(() => isFocused(root, 'children.1.heading'));
    expect(status()).to.contain('Enfant 3 retiré.');
    expect((root.getElementById('children.1.firstName') as HTMLInputElement).value).to.equal('Tom');

    // Remove the first child: no previous one, the focus goes to the add button; Tom moves up.
    removeButtons()[0].focus();
    await sendKeys({ press: 'Space' });
    await until(() => isFocused(root, 'add-child'));
    expect(status()).to.contain('Enfant 1 retiré.');
    expect((root.getElementById('children.0.firstName') as HTMLInputElement).value).to.equal('Tom');
    expect(root.querySelectorAll('fieldset.child')).to.have.length(1);
  });

  it('keeps what is typed on the device and gives it back when the page opens again', async () => {
    const first = await render();
    first.type('responsible.lastName', 'Durand');
    first.type('children.0.firstName', 'Léa');
    await first.el.updateComplete;
    expect(loadDraft()).to.include({ 'responsible.lastName': 'Durand' });
    first.el.remove();

    saveDraft({
      siteId: 's2',
      'responsible.lastName': 'Martin',
      'responsible.smsOptIn': true,
      children: [{ key: 'a', firstName: 'Léa', discipline1: 'Violon' }, { key: 'b', firstName: 'Tom' }],
      comment: 'Frère déjà inscrit',
      website: 'never restored',
    });
    // The draft's site (Limay) is kept, not the default one.
    const { el, root } = await render('s2');
    expect(calls).to.include('GET /api/preregistration/form?siteId=s2');
    expect((root.getElementById('responsible.lastName') as HTMLInputElement).value).to.equal('Martin');
    expect((root.getElementById('responsible.smsOptIn') as HTMLInputElement).checked).to.equal(true);
    expect((root.getElementById('children.1.firstName') as HTMLInputElement).value).to.equal('Tom');
    expect((root.getElementById('children.0.disciplines.0') as HTMLSelectElement).value).to.equal('Violon');
    expect((root.getElementById('comment') as HTMLTextAreaElement).value).to.equal('Frère déjà inscrit');
    expect((root.getElementById('website') as HTMLInputElement).value).to.equal('');
    expect(root.textContent).to.contain('Votre saisie précédente a été retrouvée sur cet appareil.');

    // "Tout effacer et recommencer" forgets it.
    ([...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Tout effacer')) as HTMLButtonElement).click();
    await el.updateComplete;
    expect(loadDraft()).to.equal(null);
    expect((root.getElementById('responsible.lastName') as HTMLInputElement).value).to.equal('');
  });

  it('the browser’s check: each child’s message next to its input, the summary focused, its links to the right child’s field', async () => {
    const f = await render();
    await fillValid(f);
    (f.root.getElementById('add-child') as HTMLButtonElement).click();
    await until(() => !!f.field('children.1.firstName') && f.root.activeElement === f.field('children.1.firstName'));
    f.type('children.1.firstName', 'Tom');
    f.type('children.1.birthDate', '2999-01-01');
    f.submit();
    await until(() => !!f.summary() && f.root.activeElement === f.summary());
    const summary = f.summary()!;
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      '#children.1.lastName',
      '#children.1.birthDate',
      '#children.1.disciplines.0',
      '#children.1.level',
    ]);
    expect(f.root.getElementById('children.1.birthDate-error')!.textContent).to.contain('futur');
    expect(f.field('children.1.birthDate').getAttribute('aria-invalid')).to.equal('true');
    expect(f.field('children.0.birthDate').getAttribute('aria-invalid')).to.equal('false');
    links[1].click();
    expect(f.root.activeElement).to.equal(f.field('children.1.birthDate'));
    expect(calls.filter((c) => c.startsWith('POST'))).to.deep.equal([]);
    await expect(f.el).to.be.accessible();
  });

  it('the server’s refusal: fields by path (a child’s disciplines to its first select), values kept', async () => {
    sendAnswer = () =>
      Response.json(
        {
          error: {
            code: 'validation',
            message: 'Certains champs sont à corriger.',
            fields: { 'children.0.disciplines': 'Choisissez entre 1 et 3 disciplines.', 'responsible.email': 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.' },
            fieldCodes: { 'children.0.disciplines': { code: 'disciplinesCount', params: { max: 3 } }, 'responsible.email': { code: 'email' } },
          },
        },
        { status: 422 },
      );
    const f = await render();
    await fillValid(f);
    f.submit();
    await until(() => !!f.summary() && f.root.activeElement === f.summary());
    expect(f.summary()!.textContent).to.contain('Certains champs sont à corriger.');
    expect([...f.summary()!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#responsible.email', '#children.0.disciplines.0']);
    expect(f.root.getElementById('children.0.disciplines.0-error')!.textContent).to.contain('Choisissez entre 1 et 3 disciplines.');
    expect(f.field('children.0.firstName').value).to.equal('Léa');
    const post = calls.find((c) => c.startsWith('POST'));
    expect(post).to.equal('POST /api/preregistration');
  });

  it('sent too soon after opening (too_fast): says so, keeps everything; the next sending goes through', async () => {
    sendAnswer = () => Response.json({ error: { code: 'too_fast', message: 'Votre pré-inscription est partie très vite.' } }, { status: 422 });
    const f = await render();
    await fillValid(f);
    f.submit();
    await until(() => !!f.summary() && f.root.activeElement === f.summary());
    expect(f.summary()!.textContent).to.contain('relisez-la, puis envoyez-la de nouveau');
    expect(f.field('children.0.firstName').value).to.equal('Léa');
    sendAnswer = () => Response.json({ reference: 'PI-2026-ABCDEF' }, { status: 201 });
    f.submit();
    await until(() => location.pathname === '/preinscription/confirmation');
    history.replaceState(null, '', '/');
  });

  it('no network when sending: says so, keeps everything typed and the draft', async () => {
    sendAnswer = () => Promise.reject(new TypeError('Failed to fetch'));
    const f = await render();
    await fillValid(f);
    f.submit();
    await until(() => !!f.summary() && f.root.activeElement === f.summary());
    expect(f.summary()!.textContent).to.contain('votre pré-inscription n’est pas partie');
    expect(f.field('children.0.firstName').value).to.equal('Léa');
    expect(loadDraft()).to.include({ 'responsible.lastName': 'Durand' });
  });

  it('sent: the draft is forgotten and the confirmation opens with the reference', async () => {
    const f = await render();
    await fillValid(f);
    f.submit();
    await until(() => location.pathname === '/preinscription/confirmation');
    expect(location.search).to.equal('?reference=PI-2026-ABCDEF');
    expect(loadDraft()).to.equal(null);
    const body = calls.find((c) => c.startsWith('POST'));
    expect(body).to.equal('POST /api/preregistration');
    history.replaceState(null, '', '/');
  });
});
