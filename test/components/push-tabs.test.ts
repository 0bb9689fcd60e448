/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { IdentityChangeArgs } from '../../shared/identity-schemas.ts';
import { submitIdentityChange } from '../../client/family/data/identity-changes.ts';
import { db } from '../../client/data/db.ts';
import { until } from '../helpers/until.ts';

type PushModule = typeof import('../../client/data/push.ts');

/**
 * A second tab: a same-origin frame with its own copy of the app's modules (its own push loop and
 * its own waiters), sharing this page's IndexedDB and Web Locks, as two tabs of one browser do.
 */
async function openSecondTab(): Promise<{ frame: HTMLIFrameElement; push: PushModule; pushed: number[][] }> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<script type="module">window.pushModule = await import('/client/data/push.ts');</script>`;
  document.body.append(frame);
  const win = () => frame.contentWindow as (Window & { pushModule?: PushModule }) | null;
  await until(() => !!win()?.pushModule, 5000);
  const pushed: number[][] = [];
  // The server, as the second tab meets it: every mutation applied.
  win()!.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.startsWith('/api/sync/push')) {
      const ids = (JSON.parse(String(init!.body)) as { mutations: Array<{ mutationId: number }> }).mutations.map((m) => m.mutationId);
      pushed.push(ids);
      return Response.json({ lastMutationId: Math.max(...ids), results: ids.map((mutationId) => ({ mutationId, ok: true })) });
    }
    return Response.json({ cursor: 1, snapshot: false, changes: {}, deleted: {} });
  }) as typeof fetch;
  return { frame, push: win()!.pushModule!, pushed };
}

/** Whether an asynchronous check holds within about two seconds. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

const change: IdentityChangeArgs = { targetKind: 'family', targetId: 'f1', values: { city: 'Limay' }, from: { city: 'Mantes-la-Jolie' } };

describe('push across tabs', () => {
  const realFetch = window.fetch;
  let frame: HTMLIFrameElement | undefined;
  beforeEach(async () => {
    for (const table of db.tables) await table.clear();
  });
  afterEach(() => {
    window.fetch = realFetch;
    frame?.remove();
  });

  it('an edit the other tab’s push carried is answered "sent" to the form that made it, and was sent once', async () => {
    const second = await openSecondTab();
    frame = second.frame;
    let thisTabPushed = 0;
    window.fetch = (async () => {
      thisTabPushed++;
      return new Response(null, { status: 500 });
    }) as typeof fetch;

    // The lock is busy; the other tab asks first, then this tab queues its edit and asks.
    let release!: () => void;
    const busy = navigator.locks.request('portee-push', () => new Promise<void>((resolve) => (release = resolve)));
    const theirs = second.push.pushNow();
    await until(() => !!release);
    const pendingPushes = async () => ((await navigator.locks.query()).pending ?? []).filter((l) => l.name === 'portee-push').length;
    expect(await eventually(async () => (await pendingPushes()) === 1), 'the other tab waits for the lock').to.equal(true);
    const ours = submitIdentityChange(change, 7);
    expect(await eventually(async () => (await db.outbox.count()) === 1), 'this tab’s edit is queued').to.equal(true);

    // The other tab gets the lock first and sends this tab's edit; this tab then finds it answered.
    release();
    await busy;
    expect(await theirs).to.equal('done');
    expect(await ours).to.equal('sent');
    expect(second.pushed).to.deep.equal([[1]]);
    expect(thisTabPushed, 'this tab sent nothing').to.equal(0);
    expect(await db.outbox.count()).to.equal(0);
  });
});
