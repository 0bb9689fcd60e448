/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { afterFirstScreen } from '../../client/app/after-first-screen.ts';
import { session } from '../../client/app/session.ts';
import { syncStatus } from '../../client/data/sync-status.ts';

/**
 * What serves later visits (the service worker's precache) waits for the first screen's data:
 * issue 15, a first visit's connection and cores go to the pull and the first render first.
 */
describe('work after the first screen', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Long enough for the idle callback that follows a settled first screen (at most 2 s), with room to spare. */
  const settle = () => sleep(2_600);
  let runs: number;
  const work = () => runs++;

  beforeEach(() => {
    runs = 0;
    session.set({ phase: 'loading', info: null, reason: null });
    syncStatus.set({ syncing: false });
  });
  afterEach(() => session.set({ phase: 'signed-out', info: null, reason: null }));

  it('waits while the session is unknown, then runs once signed out', async () => {
    afterFirstScreen(work);
    await settle();
    expect(runs, 'the session is still being asked').to.equal(0);
    session.set({ phase: 'signed-out' });
    await settle();
    expect(runs).to.equal(1);
  });

  it('signed in, waits for the first pull to end, then runs once', async () => {
    afterFirstScreen(work);
    session.set({ phase: 'signed-in' });
    syncStatus.set({ syncing: true });
    await settle();
    expect(runs, 'the first pull is running').to.equal(0);
    syncStatus.set({ syncing: false });
    await settle();
    expect(runs).to.equal(1);
    // Later pulls and session changes start nothing more.
    syncStatus.set({ syncing: true });
    syncStatus.set({ syncing: false });
    session.set({ phase: 'expired' });
    await settle();
    expect(runs).to.equal(1);
  });

  it('a first pull that failed settles the screen too (offline, refused)', async () => {
    afterFirstScreen(work);
    session.set({ phase: 'signed-in' });
    syncStatus.set({ syncing: true });
    syncStatus.set({ syncing: false, online: false });
    await settle();
    expect(runs).to.equal(1);
  });

  it('a pull that never ends does not hold the work past its limit', async () => {
    afterFirstScreen(work, { firstPullAtMostMs: 300 });
    session.set({ phase: 'signed-in' });
    syncStatus.set({ syncing: true });
    await sleep(100);
    expect(runs).to.equal(0);
    await settle();
    expect(runs).to.equal(1);
  });

  it('an expired session (no pull will come) runs it', async () => {
    afterFirstScreen(work);
    session.set({ phase: 'expired' });
    await settle();
    expect(runs).to.equal(1);
  });
});
