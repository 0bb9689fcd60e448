/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../../client/admin/pages/po-admin-staff-accounts-page.ts';
import type { PoAdminStaffAccountsPage } from '../../client/admin/pages/po-admin-staff-accounts-page.ts';
import { until } from '../helpers/until.ts';

const realFetch = window.fetch;
let calls: string[] = [];
let answers: Array<() => Response | Promise<Response>> = [];

const accounts = (lockedMinutes: number) => [
  { id: 't1', username: 'enseignant.demo', email: 'claire@exemple.fr', name: 'Claire Roussillon', role: 'teacher', lockedMinutes },
  { id: 's1', username: 'secretariat.demo', email: 'secretariat@exemple.fr', name: 'Secrétariat de Mantes', role: 'secretariat', lockedMinutes: 0 },
];

describe('po-admin-staff-accounts-page', () => {
  beforeEach(() => {
    calls = [];
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return answers.shift()!();
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('lists the site’s staff accounts with their lock state; "Débloquer" unlocks and the list is read again', async () => {
    answers = [
      () => Response.json(accounts(12)),
      () => Response.json({ message: 'Le compte enseignant.demo est débloqué : la personne peut se connecter de nouveau.' }),
      () => Response.json(accounts(0)),
    ];
    const el = await fixture<PoAdminStaffAccountsPage>(html`<po-admin-staff-accounts-page></po-admin-staff-accounts-page>`);
    const list = () => el.shadowRoot!.querySelector('po-family-accounts')?.shadowRoot;
    await until(() => !!list()?.querySelector('tbody tr'));
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('Comptes du personnel');
    const rows = [...list()!.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')!.textContent)).to.deep.equal(['enseignant.demo', 'secretariat.demo']);
    expect(rows[0].textContent).to.contain('Bloqué après des essais de mot de passe manqués (encore 12 min)');
    expect(rows[1].textContent).to.contain('Actif');
    await expect(el).to.be.accessible();

    (list()!.querySelector('button') as HTMLButtonElement).click();
    await until(() => calls.length === 3 && !list()!.querySelector('button'));
    expect(calls).to.deep.equal(['GET /api/admin/staff-accounts', 'POST /api/admin/staff-accounts/t1/unlock', 'GET /api/admin/staff-accounts']);
    expect(list()!.querySelector('tbody tr')!.textContent).to.contain('Actif');
  });

  it('offline: says the screen needs the network and offers to retry', async () => {
    answers = [() => Promise.reject(new TypeError('Failed to fetch')), () => Response.json(accounts(0))];
    const el = await fixture<PoAdminStaffAccountsPage>(html`<po-admin-staff-accounts-page></po-admin-staff-accounts-page>`);
    await until(() => !!el.shadowRoot!.querySelector('.notice'));
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('besoin du réseau');
    (el.shadowRoot!.querySelector('.notice button') as HTMLButtonElement).click();
    await until(() => !!el.shadowRoot!.querySelector('po-family-accounts'));
    expect(calls).to.deep.equal(['GET /api/admin/staff-accounts', 'GET /api/admin/staff-accounts']);
  });
});
