/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { db } from '../../client/data/db.ts';
import { documentIdOf, queueUpload, sendPendingUploads, uploadQueue } from '../../client/data/document-queue.ts';
import { applyPull } from '../../client/data/pull-apply.ts';
import { uploadEvents, type UploadEventDetail } from '../../client/data/upload-events.ts';
import { until } from '../helpers/until.ts';
import { XhrStandIn } from './xhr-stand-in.ts';

/**
 * An upload whose send failed while the network stayed up (its answer lost after the server stored
 * the file, a 5xx, a request that stalled) hears no `online` event: the queue must try again by
 * itself. Until it does, the device shows the file both waiting and, from the next pull, received.
 */
const stored = {
  id: 'd1', familyId: 'f1', studentId: null, kindId: 'k1', schoolYear: '2026-2027', fileName: 'a.pdf', mediaType: 'application/pdf',
  sizeBytes: 4, sha256: 'x', status: 'received', rejectionReason: null, reviewedAt: null, createdAt: '2026-12-04T10:00:00.000Z', version: 9,
};

const queue = () =>
  queueUpload({ familyId: 'f1', studentId: null, kindId: 'k1', replacesId: null, file: new Blob(['%PDF']), fileName: 'a.pdf', mediaType: 'application/pdf' });

describe('the upload queue after a failed send', () => {
  const realXhr = window.XMLHttpRequest;
  let sends: string[] = [];
  let sentAt: number[] = [];
  /**
   * Each send's answer, in order: the answer lost, a status, a captive portal's page (200, HTML),
   * no answer at all, or the file up and the answer 300 ms later.
   */
  const useXhr = (answers: Array<'lost' | 503 | 201 | 200 | 'portal' | 'stall' | 'slow answer'>) => {
    class ScriptedXhr extends XhrStandIn {
      send(form: FormData) {
        const answer = answers[sends.length] ?? 'stall';
        sends.push(String(form.get('idempotencyKey')));
        sentAt.push(performance.now());
        setTimeout(() => {
          if (this.aborted || answer === 'stall') return;
          if (answer === 'lost') return this.onerror?.();
          this.upload.onload?.();
          const status = answer === 'portal' ? 200 : answer === 'slow answer' ? 201 : answer;
          setTimeout(
            () => {
              if (this.aborted) return;
              this.status = status;
              this.responseText =
                answer === 'portal' ? '<!doctype html><title>Wi-Fi</title>' : JSON.stringify(status === 503 ? { error: { code: 'busy', message: 'Occupé' } } : { document: stored, replay: status === 200 });
              this.onload?.();
            },
            answer === 'slow answer' ? 300 : 0,
          );
        }, 10);
      }
    }
    (window as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = ScriptedXhr;
  };

  /** A file queued, the session started, its first send's answer lost (the next one would be stored). */
  const firstSendLost = async () => {
    useXhr(['lost', 201]);
    await queue();
    uploadQueue.start();
    await until(() => sends.length === 1);
  };

  beforeEach(async () => {
    sends = [];
    sentAt = [];
    for (const table of db.tables) await table.clear();
  });
  afterEach(() => {
    uploadQueue.stop();
    window.XMLHttpRequest = realXhr;
  });

  it('an answer lost, then a 5xx: sent again with back-off, with the same key, until the server’s answer replaces it', async function () {
    this.timeout(12_000);
    useXhr(['lost', 503, 200]);
    await queue();
    uploadQueue.start();
    await until(() => sends.length === 3, 9_000);
    // The first retry 2 s after the lost answer, the second 4 s after the 5xx.
    expect(sentAt[1] - sentAt[0], 'first delay').to.be.within(1_900, 3_000);
    expect(sentAt[2] - sentAt[1], 'second delay').to.be.within(3_900, 5_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(new Set(sends).size, 'one idempotency key').to.equal(1);
    expect(await db.pendingUploads.count(), 'still waiting').to.equal(0);
    expect((await db.documents.toArray()).map((d) => d.id)).to.deep.equal(['d1']);
  });

  it('a request that moves no byte is given up, the file kept for the next try', async () => {
    useXhr(['stall']);
    await queue();
    const outcome = await sendPendingUploads({ stallMs: 200 });
    expect(outcome).to.equal('offline');
    expect(sends.length).to.equal(1);
    expect(await db.pendingUploads.count()).to.equal(1);
  });

  it('once the file is up, the answer gets its own, longer wait', async () => {
    useXhr(['slow answer']);
    await queue();
    expect(await sendPendingUploads({ stallMs: 100, answerMs: 1_000 })).to.equal('done');
    expect(sends.length).to.equal(1);
    expect(await db.pendingUploads.count()).to.equal(0);
  });

  it('a 200 that is not the stored document (a captive portal) keeps the file, to send again', async () => {
    useXhr(['portal']);
    await queue();
    expect(await sendPendingUploads()).to.equal('error');
    expect(await db.pendingUploads.count()).to.equal(1);
    expect(await db.documents.count()).to.equal(0);
  });

  it('the network back sends at once, without waiting for the planned retry', async () => {
    await firstSendLost();
    await new Promise((r) => setTimeout(r, 50));
    uploadQueue.networkBack();
    // Well before the back-off's first retry (2 s).
    await until(() => sends.length === 2, 1_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(await db.pendingUploads.count()).to.equal(0);
  });

  it('stopped (sign-out, an expired session), the queue plans no retry', async function () {
    this.timeout(8_000);
    await firstSendLost();
    // The loss answered and the retry planned, then the session stops.
    await new Promise((r) => setTimeout(r, 200));
    uploadQueue.stop();
    await new Promise((r) => setTimeout(r, 2_600));
    expect(sends.length).to.equal(1);
    expect(await db.pendingUploads.count()).to.equal(1);
  });

  it('the device derives the id the server gives the document', async () => {
    // The server's side of the same vector: test/server/documents.test.ts.
    expect(await documentIdOf('0a1b2c3d-0000-4000-8000-000000000001', '5e6f:7:' + 'ab'.repeat(32))).to.equal('2fdbf340-6509-5afc-a5f2-e8766d3dcbf1');
  });

  it('a pull that brings the stored document settles the waiting upload at once, not another document', async () => {
    useXhr(['lost']);
    await queue();
    expect(await sendPendingUploads()).to.equal('offline');
    const [waiting] = await db.pendingUploads.toArray();
    const id = await documentIdOf('f1', waiting.idempotencyKey);
    expect(waiting.documentId, 'known before the first send').to.equal(id);

    await applyPull({ cursor: 5, snapshot: false, changes: { documents: [{ ...stored, id: 'another' }] }, deleted: {} });
    expect(await db.pendingUploads.count(), 'another document settles nothing').to.equal(1);

    const heard: UploadEventDetail[] = [];
    const listen = (e: Event) => heard.push((e as CustomEvent<UploadEventDetail>).detail);
    uploadEvents.addEventListener('upload', listen);
    await applyPull({ cursor: 6, snapshot: false, changes: { documents: [{ ...stored, id }] }, deleted: {} });
    uploadEvents.removeEventListener('upload', listen);
    expect(await db.pendingUploads.count(), 'shown once: received').to.equal(0);
    expect(heard.map((d) => [d.type, d.id]), 'the form waiting for it hears it was stored').to.deep.equal([['sent', waiting.id]]);
    expect((await db.documents.toArray()).map((d) => d.id).sort()).to.deep.equal(['another', id].sort());
  });

  it('a pull that says the stored document is gone (refused, then replaced elsewhere) settles the upload too', async () => {
    useXhr(['lost']);
    await queue();
    await sendPendingUploads();
    const [waiting] = await db.pendingUploads.toArray();
    await applyPull({ cursor: 7, snapshot: false, changes: {}, deleted: { documents: [waiting.documentId!] } });
    expect(await db.pendingUploads.count(), 'not sent again, to come back as new').to.equal(0);
  });
});
