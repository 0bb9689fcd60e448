// SMS: 1,000 messages queued, then sent by the sender job to a real SMPP 3.4 gateway on loopback
// (smpp.createServer, as in the tests): throughput from the gateway's first submit_sm to the last
// answer recorded in the outbox, then until every delivery receipt has marked its row delivered.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { openDatabase } from '../server/db/client.ts';
import { site, smsOutbox } from '../server/db/schema/index.ts';
import { writeTransaction } from '../server/db/write-transaction.ts';
import { queueSms } from '../server/sms/queue.ts';
import { createSmsSender } from '../server/sms/sender.ts';
import { startGateway } from '../test/server/sms-gateway.ts';
import { fmt } from './load.ts';

export const title = 'SMS: 1,000 messages through the sender to a local SMPP gateway';

const TOTAL = 1000;
/** An absence told to every family of a site must go out in seconds, not minutes. */
const BUDGET_PER_SECOND = 100;

export async function run() {
  const file = join(tmpdir(), `portee-bench-sms-${crypto.randomUUID()}.db`);
  const { db, client, reads } = await openDatabase(`file:${file}`);
  const gateway = await startGateway({ autoReceipt: 'after' });
  // In the day in Paris, whatever the hour the bench runs at (quiet hours hold nothing back).
  const clock = new Date('2026-03-10T10:00:00Z');
  const sender = createSmsSender({ db, smsUrl: gateway.url, sender: 'Portee', now: () => clock, log: () => undefined });
  try {
    const [{ id: siteId }] = await db.insert(site).values({ name: 'Mantes' }).returning({ id: site.id });
    // Queued as the absence feature does: inside the write transaction that records it (here 100 families each).
    const queueStart = performance.now();
    for (let from = 0; from < TOTAL; from += 100) {
      await writeTransaction(db, async (tx) => {
        for (let i = from; i < from + 100; i++) {
          const text = `Mme Roussillon est absente : pas de cours de Formation musicale jeudi 17 h 30 (message ${i}).`;
          await queueSms(tx, { siteId, to: `06 ${String(i).padStart(8, '0')}`, text, dedupeKey: `bench-${i}`, now: clock });
        }
      });
    }
    const queueMs = performance.now() - queueStart;
    console.log(`queue ${fmt(TOTAL, 0)} SMS (queueSms, 100 per transaction)   ${fmt(queueMs, 0)} ms, ${fmt((TOTAL / queueMs) * 1000, 0)} SMS/s`);

    let sent = 0;
    let rounds = 0;
    while (sent < TOTAL && rounds < 10) {
      sent += (await sender.runOnce()).sent;
      rounds++;
    }
    const end = performance.now();
    if (gateway.submits.length !== TOTAL || sent !== TOTAL) throw new Error(`${gateway.submits.length} submit_sm received, ${sent} recorded as sent`);
    const seconds = (end - gateway.submits[0].at) / 1000;
    const rate = TOTAL / seconds;
    console.log(
      `send ${fmt(TOTAL, 0)} SMS, first submit_sm → last answer recorded   ${fmt(seconds * 1000, 0)} ms, ${fmt(rate, 0)} msg/s (${rounds} round) — budget ≥ ${BUDGET_PER_SECOND} msg/s: ${rate >= BUDGET_PER_SECOND ? 'within' : 'OVER'}`,
    );
    const deadline = performance.now() + 30_000;
    let delivered = 0;
    while (performance.now() < deadline) {
      [{ n: delivered }] = await db.select({ n: count() }).from(smsOutbox).where(eq(smsOutbox.status, 'delivered'));
      if (delivered === TOTAL) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    console.log(`  delivery receipts recorded   ${fmt(delivered, 0)} of ${fmt(TOTAL, 0)} delivered, ${fmt(performance.now() - gateway.submits[0].at, 0)} ms after the first submit_sm`);
  } finally {
    await sender.stop();
    await gateway.close();
    client.close();
    reads?.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}
