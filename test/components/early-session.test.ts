/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { apiClient, answerOneOf, HttpError, OfflineError, sessionExpired } from '../../client/api/http.ts';
import { syncStatus } from '../../client/data/sync-status.ts';

/**
 * GET /api/session asked by the HTML's first script (client/public/boot.js) before the modules
 * arrive: the app's first request for the session takes that answer instead of asking again, once,
 * and handles it as its own (issue 15: one round trip less before a signed-in screen renders).
 */
describe('the session asked for by the HTML', () => {
  const holder = globalThis as { porteeSession?: { answer: Promise<Response>; at: number; known: string | null } };
  /** As boot.js leaves it: asked now, by a device that knew `known`. */
  const early = (answer: Promise<Response>, at = Date.now(), known = localStorage.getItem('portee.session')) => ({ answer, at, known });
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
    localStorage.removeItem('portee.session');
  });

  it("the app's first GET /api/session takes the early answer; the next one asks the server", async () => {
    holder.porteeSession = early(Promise.resolve(Response.json({ user: { id: 'u1' } })));
    const first = await answerOneOf(apiClient.session.$get());
    expect(first.user?.id).to.equal('u1');
    expect(asked).to.deep.equal([]);
    expect(holder.porteeSession).to.equal(undefined);
    const second = await answerOneOf(apiClient.session.$get());
    expect(second.user).to.equal(null);
    expect(asked).to.deep.equal(['/api/session']);
  });

  it('another request leaves it for the session', async () => {
    const kept = early(Promise.resolve(Response.json({ user: { id: 'u1' } })));
    holder.porteeSession = kept;
    await apiClient.sites.$get();
    expect(asked).to.deep.equal(['/api/sites']);
    expect(holder.porteeSession).to.equal(kept);
  });

  it('an early request that found no network is the app offline, as its own would be', async () => {
    syncStatus.set({ online: true });
    const failed = Promise.reject(new TypeError('Failed to fetch'));
    failed.catch(() => undefined);
    holder.porteeSession = early(failed);
    const error = await apiClient.session.$get().then(() => null, (e: unknown) => e);
    expect(error).to.be.instanceOf(OfflineError);
    expect(syncStatus.value.online).to.equal(false);
  });

  it('an early answer of 401 is the session ended, as its own would be', async () => {
    let told = 0;
    const listener = () => told++;
    sessionExpired.addEventListener('expired', listener);
    holder.porteeSession = early(Promise.resolve(Response.json({ error: { code: 'unauthorized', message: 'signed out' } }, { status: 401 })));
    const error = await apiClient.session.$get().then(() => null, (e: unknown) => e);
    sessionExpired.removeEventListener('expired', listener);
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).status).to.equal(401);
    expect(told).to.equal(1);
  });

  it('an answer asked for more than ten seconds ago is dropped: the server is asked again', async () => {
    holder.porteeSession = early(Promise.resolve(Response.json({ user: { id: 'u1' } })), Date.now() - 11_000);
    expect((await answerOneOf(apiClient.session.$get())).user).to.equal(null);
    expect(asked).to.deep.equal(['/api/session']);
    expect(holder.porteeSession).to.equal(undefined);
  });

  it('an answer from before another tab signed out (the kept session changed) is dropped', async () => {
    localStorage.setItem('portee.session', JSON.stringify({ user: { id: 'u1' } }));
    holder.porteeSession = early(Promise.resolve(Response.json({ user: { id: 'u1' } })));
    localStorage.removeItem('portee.session');
    expect((await answerOneOf(apiClient.session.$get())).user).to.equal(null);
    expect(asked).to.deep.equal(['/api/session']);
  });
});
