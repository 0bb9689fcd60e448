/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { apiClient, answerOneOf, OfflineError } from '../../client/api/http.ts';
import { syncStatus } from '../../client/data/sync-status.ts';

/**
 * GET /api/session asked by the HTML's first script (client/public/boot.js) before the modules
 * arrive: the app's first request for the session takes that answer instead of asking again, once,
 * and handles it as its own (issue 15: one round trip less before a signed-in screen renders).
 */
describe('the session asked for by the HTML', () => {
  const holder = globalThis as { porteeSession?: Promise<Response> };
  const realFetch = globalThis.fetch;
  let asked: string[];

  beforeEach(() => {
    asked = [];
    globalThis.fetch = (input: RequestInfo | URL) => {
      asked.push(new URL(input instanceof Request ? input.url : String(input), location.href).pathname);
      return Promise.resolve(Response.json({ user: null }));
    };
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    delete holder.porteeSession;
  });

  it("the app's first GET /api/session takes the early answer; the next one asks the server", async () => {
    holder.porteeSession = Promise.resolve(Response.json({ user: { id: 'u1' } }));
    const first = await answerOneOf(apiClient.session.$get());
    expect(first.user?.id).to.equal('u1');
    expect(asked).to.deep.equal([]);
    expect(holder.porteeSession).to.equal(undefined);
    const second = await answerOneOf(apiClient.session.$get());
    expect(second.user).to.equal(null);
    expect(asked).to.deep.equal(['/api/session']);
  });

  it('another request leaves it for the session', async () => {
    const early = Promise.resolve(Response.json({ user: { id: 'u1' } }));
    holder.porteeSession = early;
    await apiClient.sites.$get();
    expect(asked).to.deep.equal(['/api/sites']);
    expect(holder.porteeSession).to.equal(early);
  });

  it('an early request that found no network is the app offline, as its own would be', async () => {
    syncStatus.set({ online: true });
    holder.porteeSession = Promise.reject(new TypeError('Failed to fetch'));
    const error = await apiClient.session.$get().then(() => null, (e: unknown) => e);
    expect(error).to.be.instanceOf(OfflineError);
    expect(syncStatus.value.online).to.equal(false);
  });
});
