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
    await runCommand('setMeta', 'ownerUserId', 'u1');
    expect(await getMeta('ownerUserId')).to.equal('u1');
    expect(await runCommand('getMeta', 'ownerUserId')).to.equal('u1');
  });

  it('arguments that cannot cross to the worker (a function) fail before anything is written', async () => {
    const error = await runCommand('setMeta', 'k', () => 1).then(() => null, (e: Error) => e);
    expect(error?.name).to.equal('DataCloneError');
    expect(await getMeta('k')).to.equal(undefined);
  });

  it('an error reaches the caller as its name and message, as it would from the worker', async () => {
    // IndexedDB refuses a missing key: Dexie's DataError, rebuilt from its name and message.
    const refused = await runCommand('setMeta', undefined as never, 1).then(() => null, (e: unknown) => e);
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
    await until(() => heard.some((m) => m.kind === 'ready'));
  });
  afterEach(() => {
    channel.port1.close();
    channel.port2.close();
  });

  it('answers each command by its id: a result, or a failure by name', async () => {
    await db.meta.put({ key: 'lastSyncAt', value: '2026-12-03T10:00:00.000Z' });
    channel.port1.postMessage({ id: 1, name: 'deviceSyncState', args: [] });
    channel.port1.postMessage({ id: 2, name: 'setMeta', args: [undefined, 1] });
    await until(() => heard.filter((m) => m.kind === 'done' || m.kind === 'failed').length === 2);
    expect(heard.find((m) => m.kind === 'done')).to.deep.equal({ kind: 'done', id: 1, value: { lastSyncAt: '2026-12-03T10:00:00.000Z', pending: 0 } });
    const failed = heard.find((m) => m.kind === 'failed');
    expect(failed && failed.kind === 'failed' && failed.id).to.equal(2);
    expect(failed && failed.kind === 'failed' && failed.error.name).to.equal('DataError');
  });

  it('passes on what the page must hear: status changes as patches, a pull to make, an upload’s news, a session that ended', async () => {
    syncStatus.set({ pending: 3 });
    requestPull();
    emitUploadEvent({ type: 'progress', id: 4, loaded: 10, total: 20 });
    sessionExpired.dispatchEvent(new Event('expired'));
    await until(() => heard.length >= 5);
    expect(heard.slice(1)).to.deep.equal([
      { kind: 'status', patch: { pending: 3 } },
      { kind: 'pull' },
      { kind: 'upload', detail: { type: 'progress', id: 4, loaded: 10, total: 20 } },
      { kind: 'expired' },
    ]);
  });
});
