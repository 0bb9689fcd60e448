/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { IDENTITY_CHANGE, type IdentityChangeArgs } from '../../shared/identity-schemas.ts';
import type { PushResponse } from '../../shared/push-protocol.ts';
import { submitIdentityChange } from '../../client/family/data/identity-changes.ts';
import { db } from '../../client/data/db.ts';
import { REJECTIONS_KEY } from '../../client/data/outbox-keys.ts';

/** The server as the push meets it: offline, or answering each batch with `answer`. */
let online = false;
let answer: (mutationIds: number[]) => PushResponse;
let pushes = 0;
const realFetch = window.fetch;
async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (!online) throw new TypeError('Failed to fetch');
  if (url.startsWith('/api/sync/push')) {
    pushes++;
    const body = JSON.parse(String(init!.body)) as { mutations: Array<{ mutationId: number }> };
    return Response.json(answer(body.mutations.map((m) => m.mutationId)));
  }
  if (url.startsWith('/api/sync')) return Response.json({ cursor: 1, snapshot: false, changes: {}, deleted: {} });
  return new Response(null, { status: 404 });
}

const change: IdentityChangeArgs = { targetKind: 'family', targetId: 'f1', values: { postalCode: '78711' }, from: { postalCode: '78200' } };
const applied = (ids: number[]): PushResponse => ({ lastMutationId: Math.max(...ids), results: ids.map((mutationId) => ({ mutationId, ok: true })) });

describe('submitIdentityChange', () => {
  beforeEach(async () => {
    for (const table of db.tables) await table.clear();
    window.fetch = fakeFetch as typeof fetch;
    pushes = 0;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it("offline: 'queued', the outbox row kept on the device", async () => {
    online = false;
    let queuedBeforeNetwork = false;
    const result = await submitIdentityChange(change, 7, { onQueued: () => (queuedBeforeNetwork = pushes === 0) });
    expect(result).to.equal('queued');
    expect(queuedBeforeNetwork).to.equal(true);
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => [r.name, r.baseVersion, r.args])).to.deep.equal([[IDENTITY_CHANGE, 7, change]]);
  });

  it("online: 'sent', the queue empty", async () => {
    online = true;
    answer = applied;
    expect(await submitIdentityChange(change, 7)).to.equal('sent');
    expect(pushes).to.be.greaterThan(0);
    expect(await db.outbox.count()).to.equal(0);
  });

  it('refused for good: { rejected } with the server’s fields, not kept among the refusals the screens list', async () => {
    online = true;
    const error = { code: 'validation', message: 'Corrigez le code postal.', fields: { 'values.postalCode': 'Code postal invalide' } };
    answer = (ids) => ({ lastMutationId: Math.max(...ids), results: ids.map((mutationId) => ({ mutationId, error })) });
    expect(await submitIdentityChange(change, 7)).to.deep.equal({ rejected: error });
    expect(await db.outbox.count()).to.equal(0);
    expect((await db.meta.get(REJECTIONS_KEY))?.value).to.deep.equal([]);
  });

  it('a change queued offline and sent later by another push is answered to its own submitter only', async () => {
    online = false;
    expect(await submitIdentityChange(change, 7)).to.equal('queued');
    online = true;
    answer = applied;
    const second = { ...change, values: { city: 'Limay' }, from: { city: 'Mantes-la-Jolie' } };
    expect(await submitIdentityChange(second, 7)).to.equal('sent');
    expect(await db.outbox.count()).to.equal(0);
  });
});
