/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../../client/admin/pages/po-admin-reenrolment-page.ts';
import type { PoAdminReenrolmentPage } from '../../client/admin/pages/po-admin-reenrolment-page.ts';
import { until } from '../helpers/until.ts';

const realFetch = window.fetch;
let calls: Array<{ call: string; body?: unknown }> = [];
let reminderAnswer: () => Promise<Response>;

const CAMPAIGN = { id: 'camp-0001', siteId: 's1', schoolYear: '2027/2028', opensOn: '2026-11-20', closesOn: '2027-01-10', createdBy: 'u', createdAt: '', version: 3 };
const KIND = { id: 'k1', siteId: 's1', code: 'droit-image', scope: 'student', wordingFr: 'J’autorise…', wordingEn: '', wordingVersion: 2, position: 1, active: true, version: 4 };
const PROGRESS = {
  campaign: CAMPAIGN,
  counts: { total: 3, done: 1, inProgress: 1, notStarted: 1 },
  families: [
    { familyId: 'f1', name: 'Mme Camille Lefèvre', email: 'c@exemple.fr', state: 'in_progress', studentsToAnswer: 1, consentsToAnswer: 2 },
    { familyId: 'f2', name: 'M. Julien Martin', email: 'j@exemple.fr', state: 'done', studentsToAnswer: 0, consentsToAnswer: 0 },
    { familyId: 'f3', name: 'Mme Anne Roche', email: 'a@exemple.fr', state: 'not_started', studentsToAnswer: 2, consentsToAnswer: 4 },
  ],
};

describe('po-admin-reenrolment-page', () => {
  beforeEach(() => {
    calls = [];
    reminderAnswer = async () => Response.json({ sent: 2, replay: false });
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      calls.push({ call: `${init?.method ?? 'GET'} ${url}`, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url === '/api/admin/reenrolment') return Response.json({ today: '2026-12-02', campaigns: [CAMPAIGN], consentKinds: [KIND] });
      if (url.endsWith('/progress')) return Response.json(PROGRESS);
      if (url.endsWith('/reminders')) return reminderAnswer();
      return Response.json({ error: { code: 'not_found', message: 'introuvable' } }, { status: 404 });
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('shows the progress with counts and each family’s state in words, the CSV link and the consents', async () => {
    const el = await fixture<PoAdminReenrolmentPage>(html`<po-admin-reenrolment-page></po-admin-reenrolment-page>`);
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('tbody tr'));
    expect(root.textContent).to.contain('1 terminée(s), 1 en cours, 1 pas commencée(s), sur 3 familles.');
    const rows = [...root.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.contain('Mme Camille Lefèvre').and.contain('En cours').and.contain('1 élève(s), 2 autorisation(s)');
    expect(rows[1]).to.contain('Terminée');
    expect(root.querySelector('tbody a')!.getAttribute('href')).to.equal('/admin/reinscriptions/camp-0001/familles/f1');
    const csv = [...root.querySelectorAll('a')].find((a) => a.textContent!.includes('CSV'))!;
    expect(csv.getAttribute('href')).to.equal('/api/admin/reenrolment/campaigns/camp-0001/export.csv');
    expect(csv.hasAttribute('download')).to.equal(true);
    const kinds = root.querySelector('po-admin-consent-kinds')!.shadowRoot!;
    expect(kinds.textContent).to.contain('droit-image (pour chaque élève), version 2');
    await expect(el).to.be.accessible();
  });

  it('the reminder: one request however many clicks while it runs, the count announced', async () => {
    let release!: () => void;
    reminderAnswer = () => new Promise((resolve) => (release = () => resolve(Response.json({ sent: 2, replay: false }))));
    const el = await fixture<PoAdminReenrolmentPage>(html`<po-admin-reenrolment-page></po-admin-reenrolment-page>`);
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('tbody tr'));
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Relancer'))!;
    button.click();
    button.click();
    button.click();
    await until(() => calls.filter((c) => c.call.endsWith('/reminders')).length === 1 && !!release);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    release();
    await until(() => !!root.querySelector('[role="status"]')!.textContent!.includes('2 e-mail(s) de relance envoyé(s).'));
    expect(calls.filter((c) => c.call.endsWith('/reminders')).length).to.equal(1);
    expect((calls.find((c) => c.call.endsWith('/reminders'))!.body as { requestId: string }).requestId).to.match(/^[0-9a-f-]{36}$/);
  });

  it('opening a campaign: a closing day before the opening day is an error linked to its field, nothing sent', async () => {
    const el = await fixture<PoAdminReenrolmentPage>(html`<po-admin-reenrolment-page></po-admin-reenrolment-page>`);
    const root = el.shadowRoot!;
    await until(() => !!root.getElementById('campaign-opensOn'));
    const type = (id: string, value: string) => {
      const input = root.getElementById(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    type('campaign-opensOn', '2027-05-10');
    type('campaign-closesOn', '2027-05-01');
    const form = root.getElementById('campaign-closesOn')!.closest('form')!;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => !!root.getElementById('error-summary'));
    expect(root.activeElement?.id).to.equal('error-summary');
    expect(root.getElementById('campaign-closesOn')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root.getElementById('error-summary')!.textContent).to.contain('La date de clôture ne peut pas précéder la date d’ouverture.');
    expect(calls.some((c) => c.call.startsWith('POST'))).to.equal(false);
  });
});
