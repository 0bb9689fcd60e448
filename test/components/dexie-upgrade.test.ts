/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import Dexie from 'dexie';
import { db } from '../../client/data/db.ts';
import { CLIENT_ID_KEY, NEXT_MUTATION_KEY } from '../../client/data/outbox-keys.ts';
import { pushNow } from '../../client/data/push.ts';

/** Version 1's declaration, the first release's schema. */
const V1_SCHEMA = {
  sites: 'id',
  families: 'id',
  students: 'id, familyId, lastName',
  teachers: 'id',
  rooms: 'id',
  departments: 'id',
  courses: 'id, schoolYear, teacherId',
  enrollments: 'id, studentId, courseId, schoolYear',
  followUpNotes: 'id, enrollmentId, date',
  evaluations: 'id, enrollmentId, date',
  absences: 'id, enrollmentId, date',
  repertoireEntries: 'id, studentId, date',
  invoices: 'id, schoolYear, number',
  invoiceLines: 'id, invoiceId',
  payments: 'id, schoolYear, invoiceId',
  discounts: 'id, schoolYear, invoiceId',
  payfipAttempts: 'id, invoiceId',
  documentKinds: 'id, owner',
  documents: 'id, studentId, kindId',
  changeRequests: 'id, targetId, status',
  outbox: '++mutationId',
  meta: 'key',
};

/**
 * The device's database as the last release left it (issue 17, item 6): the app's Dexie schema
 * at version 5, copied here as it was declared in client/data/db.ts (versions 1, 4 and 5), so the
 * fixture stays "last release" when db.ts declares the next versions. Do not update it with db.ts:
 * add a new fixture for the release after.
 */
function lastReleaseDb(name: string): Dexie {
  const last = new Dexie(name);
  last.version(1).stores(V1_SCHEMA);
  last.version(4).stores({
    pendingUploads: 'id, familyId, studentId, createdAt',
  });
  last.version(5).stores({
    rollCalls: 'id, courseId, date',
    teacherAbsences: 'id, teacherId, startDate',
    evaluations: 'id, enrollmentId, date, batchId',
    repertoireEntries: 'id, studentId, date, teacherId',
  });
  return last;
}

const CLIENT_ID = '6f1c2a54-0000-4000-8000-00000000c11e';
const FAMILY = { id: 'f1', version: 7, siteId: 's1', lastName: 'Lefèvre', city: 'Mantes-la-Jolie' };
const STUDENTS = [
  { id: 'st1', version: 3, familyId: 'f1', lastName: 'Lefèvre', firstName: 'Hugo' },
  { id: 'st2', version: 4, familyId: 'f1', lastName: 'Lefèvre', firstName: 'Lucie' },
];
const EVALUATION = { id: 'ev1', version: 9, enrollmentId: 'en1', date: '2026-11-20', batchId: 'b1', mark: '15' };
const ROLL_CALL = { id: 'rc1', version: 10, courseId: 'c1', date: '2026-11-20' };
const OUTBOX = [
  { mutationId: 3, name: 'identity.change', args: { targetKind: 'family', targetId: 'f1', values: { city: 'Limay' }, from: { city: 'Mantes-la-Jolie' } }, baseVersion: 7, createdAt: '2026-11-30T08:00:00.000Z' },
  { mutationId: 4, name: 'teaching.saveEvaluation', args: { batchId: 'b2' }, createdAt: '2026-11-30T08:01:00.000Z' },
];
const UPLOAD_BYTES = new TextEncoder().encode('%PDF-1.4 certificat médical');

/** What the push sends, answered as the server does (every mutation applied). */
const sent: Array<{ clientId: string; mutations: Array<{ mutationId: number; name: string; args: unknown; baseVersion?: number }> }> = [];
async function fakeServer(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (url.startsWith('/api/sync/push')) {
    const body = JSON.parse(String(init!.body)) as (typeof sent)[number];
    sent.push(body);
    const ids = body.mutations.map((m) => m.mutationId);
    return Response.json({ lastMutationId: Math.max(...ids), results: ids.map((mutationId) => ({ mutationId, ok: true })) });
  }
  if (url.startsWith('/api/sync')) return Response.json({ cursor: 42, snapshot: false, changes: {}, deleted: {} });
  return new Response(null, { status: 404 });
}

describe('Dexie upgrade: a device with last release’s database and queued edits', () => {
  const realFetch = window.fetch;
  let old: Dexie | undefined;

  before(async () => {
    // The app's connection is closed and its database removed: the device starts as last release left it.
    db.close();
    await Dexie.delete(db.name);
    old = lastReleaseDb(db.name);
    await old.open();
    expect(old.verno).to.equal(5);
    const fill = async (tx: Dexie) => {
      // One write after another (a transaction over every table is more than the test needs).
      await tx.table('families').put(FAMILY);
      await tx.table('students').bulkPut(STUDENTS);
      await tx.table('evaluations').put(EVALUATION);
      await tx.table('rollCalls').put(ROLL_CALL);
      await tx.table('outbox').bulkAdd(OUTBOX);
      await tx.table('pendingUploads').put({
        id: 2, familyId: 'f1', studentId: 'st1', kindId: 'k1', replacesId: null, fileName: 'certificat.pdf', mediaType: 'application/pdf',
        size: UPLOAD_BYTES.byteLength, sha256: 'abc', blob: new Blob([UPLOAD_BYTES], { type: 'application/pdf' }),
        createdAt: '2026-11-30T08:02:00.000Z', idempotencyKey: `${CLIENT_ID}:2:abc`, error: null,
      });
      await tx.table('meta').bulkPut([
        { key: CLIENT_ID_KEY, value: CLIENT_ID },
        { key: NEXT_MUTATION_KEY, value: 5 },
        { key: 'cursor', value: 41 },
        { key: 'lastSyncAt', value: '2026-11-30T07:59:00.000Z' },
        { key: 'nextUploadId', value: 3 },
      ]);
    };
    await fill(old);
    // Left open, as a tab still running last release would: the new version must not be blocked by it.
  });

  after(async () => {
    window.fetch = realFetch;
    old?.close();
  });

  it('the new app opens it at its own version, last release’s connection gives way, and every row and queued edit is there', async () => {
    await db.open();
    expect(db.verno).to.be.greaterThan(5);
    // Dexie closes a connection asked to give way to a newer version (its versionchange handler).
    expect(old!.isOpen()).to.equal(false);
    expect(await db.families.get('f1')).to.deep.equal(FAMILY);
    expect(await db.students.where('familyId').equals('f1').sortBy('firstName')).to.deep.equal([STUDENTS[0], STUDENTS[1]]);
    expect(await db.evaluations.where('batchId').equals('b1').toArray()).to.deep.equal([EVALUATION]);
    expect(await db.rollCalls.where('courseId').equals('c1').toArray()).to.deep.equal([ROLL_CALL]);
    expect(await db.outbox.orderBy('mutationId').toArray()).to.deep.equal(OUTBOX);
    const meta = Object.fromEntries((await db.meta.toArray()).map((m) => [m.key, m.value]));
    expect(meta).to.deep.include({ [CLIENT_ID_KEY]: CLIENT_ID, [NEXT_MUTATION_KEY]: 5, cursor: 41, nextUploadId: 3 });
    const upload = await db.pendingUploads.get(2);
    expect(upload?.fileName).to.equal('certificat.pdf');
    expect(new Uint8Array(await upload!.blob.arrayBuffer())).to.deep.equal(UPLOAD_BYTES);
    // Every table the new version declares exists and can be written (new ones start empty).
    for (const table of db.tables) expect(await table.count(), table.name).to.be.a('number');
  });

  it('the queued edits leave with the next push, in order, under the same client id, once', async () => {
    window.fetch = fakeServer as typeof fetch;
    expect(await pushNow()).to.equal('done');
    expect(sent).to.have.length(1);
    expect(sent[0].clientId).to.equal(CLIENT_ID);
    // As JSON carries them (a mutation without a base version has none on the wire).
    const wire = JSON.parse(JSON.stringify(OUTBOX.map(({ mutationId, name, args, baseVersion }) => ({ mutationId, name, args, baseVersion }))));
    expect(sent[0].mutations).to.deep.equal(wire);
    expect(await db.outbox.count()).to.equal(0);
    expect(await pushNow()).to.equal('done');
    expect(sent, 'nothing sent twice').to.have.length(1);
    // And a new edit continues the same sequence.
    expect((await db.meta.get(NEXT_MUTATION_KEY))?.value).to.equal(5);
  });
});

describe('Dexie upgrade: a device still at the first release’s database (version 1)', () => {
  it('opens at the current version from the schema IndexedDB holds: its rows stay, the later tables and indexes are there', async () => {
    db.close();
    await Dexie.delete(db.name);
    // The first release's declaration, as it was (version 1 of lastReleaseDb above, alone).
    const first = new Dexie(db.name);
    first.version(1).stores(V1_SCHEMA);
    await first.open();
    await first.table('families').put(FAMILY);
    await first.table('evaluations').put({ ...EVALUATION, id: 'ev-old' });
    first.close();

    await db.open();
    expect(db.verno).to.equal(6);
    expect(await db.families.get('f1')).to.deep.equal(FAMILY);
    // An index version 5 added to a table that already held rows: built over them.
    expect((await db.evaluations.where('batchId').equals('b1').toArray()).map((e) => e.id)).to.deep.equal(['ev-old']);
    const stores = [...db.backendDB().objectStoreNames].sort();
    expect(stores).to.deep.equal(db.tables.map((t) => t.name).sort());
    expect(await db.consentAnswers.count()).to.equal(0);
  });
});
