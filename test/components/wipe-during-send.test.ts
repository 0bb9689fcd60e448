/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { PushResponse } from '../../shared/push-protocol.ts';
import { db } from '../../client/data/db.ts';
import { wipeDevice } from '../../client/data/device-work.ts';
import { queueUpload, sendPendingUploads } from '../../client/data/document-queue.ts';
import { enqueueMutation } from '../../client/data/outbox.ts';
import { REJECTIONS_KEY } from '../../client/data/outbox-keys.ts';
import { pushNow } from '../../client/data/push.ts';
import { until } from '../helpers/until.ts';
import { XhrStandIn } from './xhr-stand-in.ts';

/**
 * Signing out wipes the device while a push or an upload may be on its way (the wipe does not wait
 * for the network: a request can hang for minutes). Its answer, arriving after the wipe, must not
 * write the account's traces into the emptied database, which the next account finds: a refusal,
 * the last answered id, a document.
 */
let release: () => void = () => {};

/** The server's answer to the first account's upload: its document, stored. */
function answerStored(xhr: XhrStandIn) {
  xhr.status = 201;
  xhr.responseText = JSON.stringify({
    document: {
      id: 'd1', familyId: 'f1', studentId: null, kindId: 'k1', schoolYear: '2026-2027', fileName: 'a.pdf', mediaType: 'application/pdf',
      sizeBytes: 4, sha256: 'x', status: 'received', rejectionReason: null, reviewedAt: null, createdAt: '2026-12-03T10:00:00.000Z', version: 9,
    },
  });
  xhr.onload?.();
}
const gate = () => new Promise<void>((resolve) => (release = resolve));

describe('a wipe while a push or an upload is on its way', () => {
  const realFetch = window.fetch;
  const realXhr = window.XMLHttpRequest;

  beforeEach(async () => {
    for (const table of db.tables) await table.clear();
  });
  afterEach(() => {
    window.fetch = realFetch;
    window.XMLHttpRequest = realXhr;
  });

  it('the push’s answer writes nothing once the device is wiped', async () => {
    let sent = false;
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).startsWith('/api/sync/push')) return new Response(null, { status: 404 });
      sent = true;
      const { mutations } = JSON.parse(String(init!.body)) as { mutations: Array<{ mutationId: number }> };
      await gate();
      const answer: PushResponse = {
        lastMutationId: mutations[0].mutationId,
        results: [{ mutationId: mutations[0].mutationId, error: { code: 'validation', message: 'Refusé', fields: {} } }],
      };
      return Response.json(answer);
    }) as typeof fetch;
    await enqueueMutation('identity.change', { targetKind: 'family', targetId: 'f1', values: {}, from: {} });
    const pushed = pushNow();
    await until(() => sent);
    await wipeDevice();
    release();
    await pushed;
    expect(await db.meta.get(REJECTIONS_KEY), 'a refusal kept').to.equal(undefined);
    expect(await db.meta.get('lastAnsweredMutationId'), 'the last answered id').to.equal(undefined);
    expect(await db.outbox.count()).to.equal(0);
  });

  it('an upload’s answer writes no document once the device is wiped', async () => {
    let sent = false;
    class GatedXhr extends XhrStandIn {
      send() {
        sent = true;
        void gate().then(() => {
          answerStored(this);
        });
      }
    }
    (window as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = GatedXhr;
    await queueUpload({ familyId: 'f1', studentId: null, kindId: 'k1', replacesId: null, file: new Blob(['%PDF']), fileName: 'a.pdf', mediaType: 'application/pdf' });
    const sending = sendPendingUploads();
    await until(() => sent);
    await wipeDevice();
    release();
    await sending;
    expect(await db.documents.count(), 'a document of the wiped account').to.equal(0);
  });

  it('an upload’s late answer leaves alone the next account’s file, queued under the same number', async () => {
    let sends = 0;
    class GatedXhr extends XhrStandIn {
      send() {
        sends++;
        // The first account's upload waits for the gate; anything after it finds no network.
        if (sends > 1) return void setTimeout(() => this.onerror?.(), 0);
        void gate().then(() => {
          answerStored(this);
        });
      }
    }
    (window as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = GatedXhr;
    await queueUpload({ familyId: 'f1', studentId: null, kindId: 'k1', replacesId: null, file: new Blob(['%PDF']), fileName: 'a.pdf', mediaType: 'application/pdf' });
    const sending = sendPendingUploads();
    await until(() => sends === 1);
    await wipeDevice();
    const next = await queueUpload({ familyId: 'f2', studentId: null, kindId: 'k2', replacesId: null, file: new Blob(['%PDF-b']), fileName: 'b.pdf', mediaType: 'application/pdf' });
    expect(next.id, 'the numbers start over after a wipe').to.equal(1);
    release();
    await sending;
    expect((await db.pendingUploads.toArray()).map((u) => u.fileName), 'the next account’s file').to.deep.equal(['b.pdf']);
    expect(await db.documents.count(), 'a document of the wiped account').to.equal(0);
  });
});
