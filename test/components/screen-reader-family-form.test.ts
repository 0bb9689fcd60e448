/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { db, setMeta } from '../../client/data/db.ts';
import { pullRequests } from '../../client/data/pull-request.ts';
import { pullNow } from '../../client/data/sync.ts';
import '../../client/family/pages/po-family-page.ts';
import { until } from '../helpers/until.ts';
import { announcements, readAll, startReader, stopReader } from './screen-reader.ts';

const FAMILY = {
  id: 'f1', version: 7, siteId: 's1', civility: 'Mme', lastName: 'Lefèvre', firstName: 'Claire', smsOptIn: false,
  address: '3 rue des Lilas', postalCode: '78200', city: 'Mantes-la-Jolie', phoneHome: '', phoneWork: '', mobile: '06 12 34 56 78', email: 'claire@exemple.fr',
};
const SUMMARY = 'assertive: Le formulaire contient 1 erreur(s) : Le code postal doit comporter 5 chiffres, par exemple 78200.';
const SAVED =
  'polite: Votre demande de modification est enregistrée : elle est en attente de validation par le secrétariat. Un accusé de réception vous a été envoyé par e-mail.';

/** The server as the page meets it online: a push that takes the request, and the pull after it that brings it back. */
const realFetch = window.fetch;
let requested: Record<string, { from: unknown; to: unknown; status: string }> | null = null;
async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (url.startsWith('/api/sync/push')) {
    const body = JSON.parse(String(init!.body)) as { mutations: Array<{ mutationId: number; args: { values: Record<string, unknown>; from: Record<string, unknown> } }> };
    const { values, from } = body.mutations[0].args;
    requested = Object.fromEntries(Object.entries(values).map(([f, to]) => [f, { from: from[f], to, status: 'pending' }]));
    const last = body.mutations[body.mutations.length - 1].mutationId;
    return Response.json({ lastMutationId: last, results: body.mutations.map((m) => ({ mutationId: m.mutationId, ok: true })) });
  }
  if (url.startsWith('/api/sync')) {
    const changeRequests = requested
      ? [{ id: 'cr1', familyId: 'f1', siteId: 's1', targetKind: 'family', targetId: 'f1', baseVersion: 7, fields: requested, status: 'pending', requestedBy: 'u1', reviewedBy: null, reviewedAt: null, createdAt: '2025-03-10T09:00:00.000Z', version: 1 }]
      : [];
    return Response.json({ cursor: requested ? 2 : 1, snapshot: false, changes: requested ? { changeRequests } : {}, deleted: {} });
  }
  return new Response(null, { status: 404 });
}

const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));
/** What the session's sync does in the app (client/data/sync.ts, startSync): a push that sent something asks for a pull. */
const pullAfterPush = () => void pullNow();

describe('screen reader: the family form, an error then its fix', () => {
  beforeEach(async () => {
    await Promise.all([db.families.clear(), db.outbox.clear(), db.changeRequests.clear(), db.meta.clear()]);
    await setMeta('cursor', 1);
    await db.families.put(FAMILY);
    requested = null;
    window.fetch = fakeFetch as typeof fetch;
    pullRequests.addEventListener('pull', pullAfterPush);
  });
  afterEach(async () => {
    await stopReader();
    window.fetch = realFetch;
    pullRequests.removeEventListener('pull', pullAfterPush);
  });

  it('an invalid postal code: the summary said once, the field read invalid with its message; fixed and saved: the confirmation said once', async () => {
    const el = await fixture(html`<main><po-family-page></po-family-page></main>`);
    const root = el.querySelector('po-family-page')!.shadowRoot!;
    await until(() => !!root.getElementById('postalCode'));
    await startReader(el);
    const input = root.getElementById('postalCode') as HTMLInputElement;
    const type = (value: string) => {
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    const save = () => (root.querySelector('form button[type="submit"]') as HTMLButtonElement).click();

    const before = await readAll();
    expect(before.slice(0, 3)).to.deep.equal(['main', 'heading, Famille, level 1', 'navigation, Dossier de la famille']);
    expect(before).to.include.members([
      'heading, Identité du responsable de la famille, level 2',
      'group, Identité',
      'group, Coordonnées',
      'textbox, Nom, Lefèvre, not invalid, required',
      'textbox, Code postal, 78200, not invalid, not required',
      'button, Modifier, not disabled',
      'button, Retour',
      'status',
    ]);
    expect(before.find((p) => p.startsWith('combobox, Civilité, Mme'))).to.match(/not invalid, required$/);

    type('782');
    save();
    await until(() => !!root.getElementById('error-summary'));
    await settle();
    expect(await announcements()).to.deep.equal([SUMMARY]);
    const withError = await readAll();
    expect(withError).to.include.members([
      'alert',
      'link, Le code postal doit comporter 5 chiffres, par exemple 78200.',
      'textbox, Code postal, 782, Le code postal doit comporter 5 chiffres, par exemple 78200., invalid, not required',
    ]);
    // The other fields stay valid.
    expect(withError).to.include('textbox, Ville, Mantes-la-Jolie, not invalid, not required');

    // Correcting says nothing; saving says the confirmation once, the summary not again.
    type('78520');
    await settle(100);
    expect(await announcements()).to.deep.equal([SUMMARY]);
    save();
    await until(() => root.querySelector('p[role="status"]')!.textContent!.includes('validation'), 5000);
    await until(() => !!root.getElementById('postalCode-marker'), 5000);
    await settle(400);
    expect(await announcements()).to.deep.equal([SUMMARY, SAVED]);
    const after = await readAll();
    expect(after).not.to.include('alert');
    // The pull brings the request back: the field says the value asked for as its description.
    expect(after).to.include.members([
      'textbox, Code postal, 78520, Modifié — en attente de validation : 78520, not invalid, not required',
      'Fiche en attente de validation par le secrétariat.',
    ]);
    // Nothing more is said once the request is there.
    expect(await announcements()).to.deep.equal([SUMMARY, SAVED]);
  });
});
