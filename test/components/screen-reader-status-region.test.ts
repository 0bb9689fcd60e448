/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../../client/components/po-status-region.ts';
import type { PoStatusRegion } from '../../client/components/po-status-region.ts';
import { syncStatus } from '../../client/data/sync-status.ts';
import { announcements, readAll, startReader, stopReader } from './screen-reader.ts';

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('screen reader: the status region, going offline and queuing an edit', () => {
  let saved: typeof syncStatus.value;
  beforeEach(() => {
    saved = syncStatus.value;
    syncStatus.set({ online: true, pending: 0, lastSyncAt: '2025-03-10T09:00:00.000Z', syncing: false });
  });
  afterEach(async () => {
    await stopReader();
    syncStatus.set(saved);
  });

  it('is one status region; offline, then a queued edit, each said once; a minute tick and a re-render say nothing', async () => {
    const el = await fixture<HTMLElement>(html`<div><po-status-region></po-status-region></div>`);
    const region = el.querySelector<PoStatusRegion>('po-status-region')!;
    await region.updateComplete;
    await startReader(el);
    const said = await readAll();
    expect(said[0]).to.equal('status');
    expect(said).to.include('En ligne');

    syncStatus.set({ ...syncStatus.value, online: false });
    await region.updateComplete;
    await settle();
    const offline = await announcements();
    expect(offline).to.have.length(1);
    expect(offline[0]).to.match(/^polite: Hors ligne/);

    syncStatus.set({ ...syncStatus.value, pending: 1 });
    await region.updateComplete;
    await settle();
    const queued = await announcements();
    expect(queued).to.have.length(2);
    expect(queued[1]).to.match(/^polite: Hors ligne\s*1 modification\(s\) en attente d’envoi/);

    // What the app does each minute: render again (the same text), and a newer "last synchronised".
    region.requestUpdate();
    await region.updateComplete;
    syncStatus.set({ ...syncStatus.value, lastSyncAt: '2025-03-10T09:01:00.000Z' });
    await region.updateComplete;
    await settle();
    expect(await announcements()).to.deep.equal(queued);
  });
});
