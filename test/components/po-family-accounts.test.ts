/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../client/admin/components/po-family-accounts.ts';
import type { FamilyAccountView, PoFamilyAccounts } from '../../client/admin/components/po-family-accounts.ts';
import { until } from '../helpers/until.ts';

const LOCKED: FamilyAccountView = { id: 'u1', username: 'famille.martin', email: 'julien@exemple.fr', lockedMinutes: 12 };
const FREE: FamilyAccountView = { id: 'u2', username: 'famille.martin2', email: 'second@exemple.fr', lockedMinutes: 0 };

const realFetch = window.fetch;
let calls: string[] = [];
let answer: () => Response | Promise<Response>;

describe('po-family-accounts', () => {
  beforeEach(() => {
    calls = [];
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return answer();
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('says in words which account is locked; only a locked one offers "Débloquer"; buttons name their account', async () => {
    const el = await fixture<PoFamilyAccounts>(html`<po-family-accounts .accounts=${[LOCKED, FREE]}></po-family-accounts>`);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows[0].textContent).to.contain('Bloqué après des essais de mot de passe manqués (encore 12 min)');
    expect(rows[1].textContent).to.contain('Actif');
    const names = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(names).to.deep.equal([
      'Débloquer famille.martin',
      'Envoyer un lien pour choisir un mot de passe au compte famille.martin',
      'Envoyer un lien pour choisir un mot de passe au compte famille.martin2',
    ]);
    await expect(el).to.be.accessible();
  });

  it('unlock with the keyboard: the server’s answer is announced and the page is told to reload', async () => {
    answer = () => Response.json({ message: 'Le compte famille.martin est débloqué : la famille peut se connecter de nouveau.' });
    const el = await fixture<PoFamilyAccounts>(html`<po-family-accounts .accounts=${[LOCKED]}></po-family-accounts>`);
    let changed = 0;
    el.addEventListener('po-accounts-changed', () => changed++);
    (el.shadowRoot!.querySelector('button') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    await until(() => status.textContent!.includes('débloqué'));
    expect(calls).to.deep.equal(['POST /api/admin/accounts/u1/unlock']);
    expect(changed).to.equal(1);
    expect(el.shadowRoot!.activeElement).to.equal(status, '"Débloquer" goes away with the lock: the focus is on what was done');
  });

  it('offline or refused: an alert says why; nothing is announced as done', async () => {
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    const el = await fixture<PoFamilyAccounts>(html`<po-family-accounts .accounts=${[FREE]}></po-family-accounts>`);
    (el.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    await until(() => !!el.shadowRoot!.querySelector('[role="alert"]'));
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('connexion au réseau');
    answer = () => Response.json({ error: { code: 'not_found', message: 'Compte introuvable.' } }, { status: 404 });
    (el.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    await until(() => el.shadowRoot!.querySelector('[role="alert"]')?.textContent === 'Compte introuvable.');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('');
  });

  it('staff: the site’s staff accounts offer "Débloquer" only, which asks the staff route', async () => {
    answer = () => Response.json({ message: 'Le compte enseignant.demo est débloqué : la personne peut se connecter de nouveau.' });
    const teacher: FamilyAccountView = { id: 't1', username: 'enseignant.demo', email: 'claire@exemple.fr', lockedMinutes: 9 };
    const el = await fixture<PoFamilyAccounts>(html`<po-family-accounts staff .accounts=${[teacher, { ...FREE, id: 's1', username: 'secretariat.demo' }]}></po-family-accounts>`);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Enseignants et secrétariat');
    const buttons = [...el.shadowRoot!.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Débloquer enseignant.demo']);
    buttons[0].click();
    await until(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.includes('débloqué'));
    expect(calls).to.deep.equal(['POST /api/admin/staff-accounts/t1/unlock']);
    await expect(el).to.be.accessible();
  });
});
