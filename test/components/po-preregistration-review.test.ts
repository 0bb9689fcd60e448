/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../../client/admin/pages/po-admin-preregistration-page.ts';
import type { PoAdminPreregistrationPage } from '../../client/admin/pages/po-admin-preregistration-page.ts';
import { until } from '../helpers/until.ts';

const realFetch = window.fetch;
let calls: string[] = [];
let status = 'new';
/** Resolves the pending acceptance (the test holds it to click again meanwhile). */
let releaseAccept: (() => void) | null = null;

const detail = () => ({
  application: {
    id: 'p1',
    reference: 'PI-2026-ABCDEF',
    status,
    createdAt: '2026-12-01T09:30:00.000Z',
    refuseReason: null,
    familyId: status === 'accepted' ? 'f9' : null,
    data: {
      siteId: 's1',
      responsible: { civility: 'Mme', lastName: 'Durand', firstName: 'Sophie', address: '', postalCode: '78200', city: 'Mantes-la-Jolie', mobile: '', email: 'sophie@exemple.fr', smsOptIn: false },
      children: [{ firstName: 'Léa', lastName: 'Durand', birthDate: '2016-03-03', disciplines: ['Piano', 'Formation musicale'], level: 'debutant', availability: 'mercredi' }],
      comment: '',
      consent: true,
    },
  },
  duplicates: [{ familyId: 'f1', name: 'Mme Claire Durand', postalCode: '78200', email: 'claire@exemple.fr', reason: 'name_postal_code' }],
});

async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  const call = `${init?.method ?? 'GET'} ${url}${init?.body ? ' ' + String(init.body) : ''}`;
  calls.push(call);
  if (url.endsWith('/accept')) {
    await new Promise<void>((resolve) => (releaseAccept = resolve));
    status = 'accepted';
    return Response.json({ familyId: 'f9', username: 'sophie.durand', students: 1 });
  }
  if (url.endsWith('/refuse')) {
    status = 'refused';
    return Response.json({ ok: true });
  }
  return Response.json(detail());
}

describe('po-admin-preregistration-page (the secretariat’s review)', () => {
  beforeEach(() => {
    calls = [];
    status = 'new';
    releaseAccept = null;
    window.fetch = fakeFetch as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('shows the application and the possible duplicates before the decision; accessible', async () => {
    const el = await fixture<PoAdminPreregistrationPage>(html`<po-admin-preregistration-page .applicationId=${'p1'}></po-admin-preregistration-page>`);
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('h1')?.textContent?.includes('PI-2026-ABCDEF'));
    expect(root.textContent).to.contain('Statut : nouvelle');
    // Received 1 December 2026: the privacy notice's year, a day early (shared/preregistration-retention.ts).
    expect(root.textContent!.replace(/\s+/g, ' ')).to.contain('Si elle n’est pas acceptée, elle sera effacée le 30 novembre 2027');
    expect(root.textContent).to.contain('Piano, Formation musicale');
    const attach = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Rattacher à la famille existante'))!;
    expect(attach.textContent!.replace(/\s+/g, ' ')).to.contain('Mme Claire Durand');
    expect(root.textContent).to.contain('même nom et code postal');
    await expect(el).to.be.accessible();
  });

  it('"Accepter" clicked twice while it is sent accepts once, then announces the identifiant', async () => {
    const el = await fixture<PoAdminPreregistrationPage>(html`<po-admin-preregistration-page .applicationId=${'p1'}></po-admin-preregistration-page>`);
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('h1')?.textContent?.includes('PI-2026-ABCDEF'));
    const accept = [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Accepter')!;
    accept.click();
    await until(() => !!releaseAccept);
    await el.updateComplete;
    expect(accept.getAttribute('aria-disabled')).to.equal('true');
    accept.click();
    releaseAccept!();
    await until(() => root.textContent!.includes('Identifiant du compte : sophie.durand'));
    expect(calls.filter((c) => c.startsWith('POST'))).to.deep.equal(['POST /api/admin/preregistrations/p1/accept {}']);
    await until(() => root.textContent!.includes('Statut : acceptée'));
    expect(root.textContent, 'an accepted application is the family’s file: never erased').not.to.contain('effacée le');
    expect(root.querySelector('[role="status"]')!.textContent).to.contain('Pré-inscription PI-2026-ABCDEF acceptée');
    expect([...root.querySelectorAll('button')].some((b) => b.textContent!.trim() === 'Accepter')).to.equal(false);
  });

  it('"Refuser" needs a reason (focused summary), then sends it', async () => {
    const el = await fixture<PoAdminPreregistrationPage>(html`<po-admin-preregistration-page .applicationId=${'p1'}></po-admin-preregistration-page>`);
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('h1')?.textContent?.includes('PI-2026-ABCDEF'));
    const refuse = () => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Refuser')!;
    refuse().click();
    await until(() => !!root.getElementById('error-summary') && root.activeElement === root.getElementById('error-summary'));
    expect(root.getElementById('error-summary')!.textContent).to.contain('Indiquez le motif du refus.');
    expect(calls.filter((c) => c.startsWith('POST'))).to.deep.equal([]);
    const reason = root.getElementById('reason') as HTMLTextAreaElement;
    reason.value = 'Plus de place en piano cette année.';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    refuse().click();
    await until(() => root.textContent!.includes('Statut : refusée'));
    expect(calls.filter((c) => c.startsWith('POST'))).to.deep.equal(['POST /api/admin/preregistrations/p1/refuse {"reason":"Plus de place en piano cette année."}']);
    expect(root.querySelector('[role="status"]')!.textContent).to.contain('refusée');
  });
});
