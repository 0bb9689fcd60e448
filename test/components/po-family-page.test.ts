/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { db, setMeta } from '../../client/data/db.ts';
import '../../client/family/pages/po-family-page.ts';
import type { PoFamilyPage } from '../../client/family/pages/po-family-page.ts';
import { until } from '../helpers/until.ts';

const FAMILY = {
  id: 'f1', version: 7, siteId: 's1', civility: 'Mme', lastName: 'Lefèvre', firstName: 'Claire', smsOptIn: false,
  address: '3 rue des Lilas', postalCode: '78200', city: 'Mantes-la-Jolie', phoneHome: '', phoneWork: '', mobile: '06 12 34 56 78', email: 'claire@exemple.fr',
};

/** The server as the page's fetches meet it: offline, or a push that applies what it is sent. */
let online = false;
let pushed: Array<{ mutationId: number; name: string; args: Record<string, unknown>; baseVersion: number }> = [];
const realFetch = window.fetch;
async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (!online) throw new TypeError('Failed to fetch');
  if (url.startsWith('/api/sync/push')) {
    const body = JSON.parse(String(init!.body)) as { mutations: typeof pushed };
    pushed.push(...body.mutations);
    const last = body.mutations[body.mutations.length - 1].mutationId;
    return Response.json({ lastMutationId: last, results: body.mutations.map((m) => ({ mutationId: m.mutationId, ok: true })) });
  }
  if (url.startsWith('/api/sync')) return Response.json({ cursor: 1, snapshot: false, changes: {}, deleted: {} });
  return new Response(null, { status: 404 });
}

async function render() {
  const el = await fixture<PoFamilyPage>(html`<po-family-page></po-family-page>`);
  const root = el.shadowRoot!;
  await until(() => !!root.getElementById('postalCode'));
  const input = (name: string) => root.getElementById(name) as HTMLInputElement;
  const type = (name: string, value: string) => {
    input(name).value = value;
    input(name).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  const submit = () => (root.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
  const status = () => root.querySelector('p[role="status"]')!.textContent!.trim();
  return { el, root, input, type, submit, status };
}

describe('po-family-page (identity form)', () => {
  beforeEach(async () => {
    await Promise.all([db.families.clear(), db.outbox.clear(), db.changeRequests.clear(), db.meta.clear()]);
    await setMeta('cursor', 1);
    await db.families.put(FAMILY);
    online = false;
    pushed = [];
    window.fetch = fakeFetch as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('shows the record from the device, each field labelled', async () => {
    const { el, root, input } = await render();
    expect(input('lastName').value).to.equal('Lefèvre');
    expect(input('postalCode').value).to.equal('78200');
    expect(root.querySelector('label[for="postalCode"]')!.textContent).to.contain('Code postal');
    await expect(el).to.be.accessible();
  });

  it('bad input: errors by field and a focused summary; what was typed stays; nothing is queued', async () => {
    const { el, root, input, type, submit } = await render();
    type('postalCode', '782');
    type('email', 'claire@');
    submit();
    await until(() => !!root.getElementById('error-summary'));
    await until(() => root.activeElement === root.getElementById('error-summary'));
    const links = [...root.querySelectorAll('#error-summary li a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#postalCode', '#email']);
    expect(input('postalCode').getAttribute('aria-invalid')).to.equal('true');
    expect(input('postalCode').getAttribute('aria-describedby')).to.contain('postalCode-error');
    expect(root.getElementById('email-error')!.textContent).to.contain('nom@exemple.fr');
    expect(input('postalCode').value).to.equal('782');
    expect(input('email').value).to.equal('claire@');
    expect(await db.outbox.count()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('offline: the edit is queued once with the value it started from, and the field says it waits to be sent', async () => {
    const { root, type, submit, status } = await render();
    type('city', 'Limay');
    submit();
    await until(() => status().includes('en attente d’envoi'));
    const queued = await db.outbox.toArray();
    expect(queued).to.have.length(1);
    expect(queued[0].baseVersion).to.equal(7);
    expect(queued[0].args).to.deep.include({ targetKind: 'family', targetId: 'f1', values: { city: 'Limay' }, from: { city: 'Mantes-la-Jolie' } });
    await until(() => !!root.getElementById('city-marker'));
    expect(root.getElementById('city-marker')!.textContent).to.equal('Modifié — en attente d’envoi : Limay');
    expect((root.getElementById('city') as HTMLInputElement).getAttribute('aria-describedby')).to.contain('city-marker');
    expect((await db.families.get('f1'))!.city).to.equal('Mantes-la-Jolie', 'the record itself waits for the secretariat');
  });

  it('online: the change request is sent and acknowledged; the queue is empty', async () => {
    online = true;
    const { type, submit, status } = await render();
    type('mobile', '07 98 76 54 32');
    submit();
    await until(() => status().includes('en attente de validation par le secrétariat'));
    expect(pushed).to.have.length(1);
    expect(pushed[0].args).to.deep.include({ values: { mobile: '07 98 76 54 32' }, from: { mobile: '06 12 34 56 78' } });
    expect(await db.outbox.count()).to.equal(0);
  });

  it('nothing changed: says so, sends nothing', async () => {
    online = true;
    const { submit, status } = await render();
    submit();
    await until(() => status() === 'Aucun champ n’a été modifié.');
    expect(await db.outbox.count()).to.equal(0);
    expect(pushed).to.have.length(0);
  });
});
