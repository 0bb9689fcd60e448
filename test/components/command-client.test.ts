/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { sessionExpired } from '../../client/api/http.ts';
import { runCommand } from '../../client/data/command-client.ts';
import { serveCommands } from '../../client/data/command-host.ts';
import type { CommandAnswer } from '../../client/data/command-messages.ts';
import { db, getMeta } from '../../client/data/db.ts';
import { requestPull } from '../../client/data/pull-request.ts';
import { syncStatus } from '../../client/data/sync-status.ts';
import { emitUploadEvent } from '../../client/data/upload-events.ts';
import { until } from '../helpers/until.ts';

/**
 * The commands' contract (client/data/command-client.ts, command-host.ts): on the page (the
 * component tests' server bundles no worker) what the worker's port would refuse is refused too,
 * and the worker's side answers each command and passes on what the page must hear.
 */
describe('runCommand on the page', () => {
  beforeEach(async () => {
    for (const table of db.tables) await table.clear();
  });

  it('runs the command where the data lives and answers its result', async () => {
    expect(await runCommand('deviceOwner')).to.equal(null);
    await runCommand('setDeviceOwner', 'u1');
    expect(await getMeta('ownerUserId')).to.equal('u1');
    expect(await runCommand('deviceOwner')).to.equal('u1');
  });

  it('arguments that cannot cross to the worker (a function) fail before anything is written', async () => {
    const error = await runCommand('keepFeedLink', { url: 'https://exemple.fr/feed', createdAt: (() => 1) as never }).then(() => null, (e: Error) => e);
    expect(error?.name).to.equal('DataCloneError');
    expect(await getMeta('calendarFeedLink')).to.equal(undefined);
  });

  it('an error reaches the caller as its name and message, as it would from the worker', async () => {
    // IndexedDB refuses a missing key: Dexie's DataError, rebuilt from its name and message.
    const refused = await runCommand('discardUpload', undefined as never).then(() => null, (e: unknown) => e);
    expect(refused).to.be.instanceOf(Error);
    expect((refused as Error).name).to.equal('DataError');
    expect((refused as Error).message).to.not.equal('');
  });
});

describe('serveCommands (the worker side of the port)', () => {
  let channel: MessageChannel;
  let heard: CommandAnswer[];

  beforeEach(async () => {
    for (const table of db.tables) await table.clear();
    channel = new MessageChannel();
    heard = [];
    channel.port1.onmessage = ({ data }: MessageEvent<CommandAnswer>) => heard.push(data);
    serveCommands(channel.port2);
  });
  afterEach(() => {
    channel.port1.close();
    channel.port2.close();
  });

  it('answers each command by its id: started, then a result or a failure by name; a name outside the registry runs nothing', async () => {
    await db.meta.put({ key: 'lastSyncAt', value: '2026-12-03T10:00:00.000Z' });
    channel.port1.postMessage({ id: 1, name: 'deviceSyncState', args: [] });
    channel.port1.postMessage({ id: 2, name: 'discardUpload', args: [undefined] });
    channel.port1.postMessage({ id: 3, name: 'constructor', args: [] });
    await until(() => heard.filter((m) => m.kind === 'done' || m.kind === 'failed').length === 3);
    expect(heard.filter((m) => m.kind === 'started')).to.deep.equal([
      { kind: 'started', id: 1 },
      { kind: 'started', id: 2 },
    ]);
    expect(heard.find((m) => m.kind === 'done')).to.deep.equal({ kind: 'done', id: 1, value: { lastSyncAt: '2026-12-03T10:00:00.000Z', pending: 0 } });
    const failed = heard.flatMap((m) => (m.kind === 'failed' ? [[m.id, m.error.name]] : [])).sort();
    expect(failed).to.deep.equal([
      [2, 'DataError'],
      [3, 'TypeError'],
    ]);
  });

  it('passes on what the page must hear: status changes as patches, a pull to make, an upload’s news, a session that ended', async () => {
    syncStatus.set({ pending: 3 });
    requestPull();
    emitUploadEvent({ type: 'progress', id: 4, loaded: 10, total: 20 });
    sessionExpired.dispatchEvent(new Event('expired'));
    await until(() => heard.length >= 4);
    expect(heard).to.deep.equal([
      { kind: 'status', patch: { pending: 3 } },
      { kind: 'pull' },
      { kind: 'upload', detail: { type: 'progress', id: 4, loaded: 10, total: 20 } },
      { kind: 'expired' },
    ]);
  });
});
