import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db, type OpenDatabase } from '../../server/db/client.ts';
import { site, smsOutbox } from '../../server/db/schema/index.ts';
import { writeTransaction } from '../../server/db/write-transaction.ts';
import { queueSms } from '../../server/sms/queue.ts';

const file = join(tmpdir(), `portee-sms-queue-${crypto.randomUUID()}.db`);
let opened: OpenDatabase;
let db: Db;
let siteId: string;
before(async () => {
  opened = await openDatabase(`file:${file}`);
  db = opened.db;
  [{ id: siteId }] = await db.insert(site).values({ name: 'Mantes' }).returning({ id: site.id });
});
after(() => {
  opened.client.close();
  opened.reads?.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
});

const rowOf = async (dedupeKey: string) => (await db.select().from(smsOutbox).where(eq(smsOutbox.dedupeKey, dedupeKey)))[0];
const noon = new Date('2026-03-10T11:00:00Z');

describe('queueSms', () => {
  test('one row per dedupeKey: the second call adds nothing and says so', async () => {
    const msg = { siteId, to: '06 12 34 56 78', text: 'Cours de piano annulé', dedupeKey: 'absence:1:family:1', now: noon };
    assert.equal(await queueSms(db, msg), true);
    assert.equal(await queueSms(db, { ...msg, text: 'autre texte' }), false);
    const rows = await db.select().from(smsOutbox).where(eq(smsOutbox.dedupeKey, msg.dedupeKey));
    assert.equal(rows.length, 1);
    assert.equal(rows[0].text, 'Cours de piano annulé');
  });

  test('number in international form, text fitted to one GSM-7 SMS, due at once in the day', async () => {
    assert.equal(await queueSms(db, { siteId, familyId: null, to: '+33 7 81 22 33 44', text: `Mme Roussillon est absente : la leçon de Formation musicale n’aura pas lieu. ${'x'.repeat(200)}`, dedupeKey: 'fit', now: noon }), true);
    const row = await rowOf('fit');
    assert.equal(row.to, '+33781223344');
    assert.equal(row.status, 'queued');
    assert.equal(row.attempts, 0);
    assert.equal(row.nextAttemptAt, noon.toISOString());
    assert.equal(row.createdAt, noon.toISOString());
    assert.ok(row.text.startsWith("Mme Roussillon est absente : la lecon de Formation musicale n'aura pas lieu."), row.text);
    assert.ok(row.text.endsWith('...'));
    assert.equal(row.text.length, 160);
  });

  test('not a mobile number: nothing stored, false', async () => {
    assert.equal(await queueSms(db, { siteId, to: '01 23 45 67 89', text: 'x', dedupeKey: 'landline', now: noon }), false);
    assert.equal(await rowOf('landline'), undefined);
  });

  test('queued at 22:30 Paris: due at 08:00 Paris the next day (summer time starting that night)', async () => {
    // Saturday 28 March 2026, 22:30 in Paris (UTC+1); clocks go forward at 02:00.
    await queueSms(db, { siteId, to: '0612345678', text: 'x', dedupeKey: 'night', now: new Date('2026-03-28T21:30:00Z') });
    assert.equal((await rowOf('night')).nextAttemptAt, '2026-03-29T06:00:00.000Z');
    // In winter, 22:30 Paris is 21:30 UTC and 08:00 Paris is 07:00 UTC.
    await queueSms(db, { siteId, to: '0612345678', text: 'x', dedupeKey: 'winter-night', now: new Date('2026-01-15T21:30:00Z') });
    assert.equal((await rowOf('winter-night')).nextAttemptAt, '2026-01-16T07:00:00.000Z');
  });

  test('inside a write transaction: committed with it, gone when it rolls back', async () => {
    await writeTransaction(db, async (tx) => {
      assert.equal(await queueSms(tx, { siteId, to: '0612345678', text: 'x', dedupeKey: 'tx-commit', now: noon }), true);
    });
    assert.ok(await rowOf('tx-commit'));
    await assert.rejects(
      writeTransaction(db, async (tx) => {
        await queueSms(tx, { siteId, to: '0612345678', text: 'x', dedupeKey: 'tx-rollback', now: noon });
        throw new Error('the absence could not be recorded');
      }),
      /could not be recorded/,
    );
    assert.equal(await rowOf('tx-rollback'), undefined);
  });
});
