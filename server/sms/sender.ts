import { hostname } from 'node:os';
import { and, asc, eq, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { PDU } from 'smpp';
import type { Db, Tx } from '../db/client.ts';
import { smsOutbox } from '../db/schema/index.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { logEvent } from '../log.ts';
import { retryDelayMs } from '../jobs/backoff.ts';
import { releaseLease, renewLease, takeLease } from '../jobs/lease.ts';
import { periodicRounds, type Rounds } from '../jobs/rounds.ts';
import { isQuietHour, outsideQuietHours } from './quiet-hours.ts';
import { bindTransceiver, GatewayError, type SmscLink, type SubmitOutcome } from './smpp-link.ts';

/**
 * The SMS sender job: takes the queued rows of sms_outbox (server/sms/queue.ts) and submits them to
 * the SMPP gateway named by SMS_URL; without it, marks them 'stored' and logs them (as the mailer
 * does without SMTP_URL). docs/sms.md tells the whole flow.
 *
 * At most once. A row is marked 'sending' (committed) before its submit_sm. If the process dies,
 * or the connection drops, between the submit_sm and its answer, nobody knows whether the gateway
 * took the message: such a row becomes 'unconfirmed' and is never submitted again. Sending it
 * again could text a family twice; not sending it loses at most that SMS, and the same notice also
 * reaches the family by e-mail and in the app. So: a round starts by turning every row left
 * 'sending' (by a process that died) into 'unconfirmed'; a submit that went unanswered makes its
 * row 'unconfirmed'; only a submit that surely did not reach the gateway (never written, refused
 * with an error status, gateway down before the bind) is tried again, with back-off.
 *
 * One process at a time. Each round first takes the 'sms-sender' lease in job_lease (or renews
 * it), and every claim of rows renews it in the same transaction: a process that lost its lease
 * claims nothing more, so two servers on one database never submit the same row.
 */
export interface SmsSenderOptions {
  db: Db;
  /** smpp://system_id:password@host:port; none: rows are 'stored' and logged. */
  smsUrl?: string;
  /** SMS_SENDER: an alphanumeric name (≤ 11 characters) or a number. */
  sender: string;
  log?: typeof logEvent;
  now?: () => Date;
  /** This process's name in the lease (unique by default). */
  holder?: string;
  /** Tries before a row is 'failed' (default 10: back-off 30 s, 1, 2, 4, 8 min, then every 15 min). */
  maxAttempts?: number;
  leaseMs?: number;
  /** Longest wait for the bind answer and for each submit_sm_resp. */
  timeoutMs?: number;
  /** submit_sm waiting for their answer at once. */
  window?: number;
}

/**
 * runOnce: `sent` counts the messages the gateway accepted, `failed` those that did not go through
 * this round (retried later, 'failed' or 'unconfirmed'). Nothing when another process holds the
 * lease, or during quiet hours. stop: waits for the round under way, unbinds, gives the lease up.
 */
export type SmsSender = Rounds;

const LEASE = 'sms-sender';
/** Rows claimed ('sending') per transaction, and the most one round submits. */
const CLAIM = 50;
const ROUND_MAX = 1000;
/** A 'sent' row younger than this may still get its receipt: the sender binds to hear it. */
const RECEIPT_WAIT_MS = 3 * 24 * 3600_000;

/** submit_sm_resp statuses that trying again cannot fix (bad length, addresses, TON/NPI). */
const PERMANENT_REFUSALS = new Set([0x01, 0x0a, 0x0b, 0x48, 0x49, 0x50, 0x51]);

/** ESM class message type "MC delivery receipt" (bits 2–5). */
const RECEIPT_TYPE = 0x04;
const RECEIPT_TYPE_MASK = 0x3c;
/** message_state TLV values, as the `stat:` words of the receipt text. */
const MESSAGE_STATES: Record<number, string> = { 1: 'ENROUTE', 2: 'DELIVRD', 3: 'EXPIRED', 4: 'DELETED', 5: 'UNDELIV', 6: 'ACCEPTD', 7: 'UNKNOWN', 8: 'REJECTD' };
const FINAL_FAILURES = new Set(['EXPIRED', 'DELETED', 'UNDELIV', 'UNKNOWN', 'REJECTD']);

/** source_addr and its TON/NPI: alphanumeric (TON 5) unless SMS_SENDER is a number. */
function sourceAddress(sender: string) {
  if (/^\+\d+$/.test(sender)) return { source_addr_ton: 1, source_addr_npi: 1, source_addr: sender.slice(1) };
  if (/^\d+$/.test(sender)) return { source_addr_ton: 0, source_addr_npi: 1, source_addr: sender };
  return { source_addr_ton: 5, source_addr_npi: 0, source_addr: sender };
}

interface Receipt {
  messageId: string;
  stat: string;
  err: string | null;
}

/** A delivery receipt's message id and state, from its TLVs or its text (`id:… stat:DELIVRD err:000`). */
export function parseReceipt(pdu: PDU): Receipt | null {
  const sm = pdu.short_message;
  const raw = sm && typeof sm === 'object' && !Buffer.isBuffer(sm) ? sm.message : sm;
  const text = raw === undefined ? '' : Buffer.isBuffer(raw) ? raw.toString('latin1') : raw;
  const messageId = pdu.receipted_message_id || /\bid:(\S+)/i.exec(text)?.[1];
  const stat = /\bstat:(\w+)/i.exec(text)?.[1]?.toUpperCase() ?? (pdu.message_state !== undefined ? MESSAGE_STATES[pdu.message_state] : undefined);
  if (!messageId || !stat) return null;
  return { messageId, stat, err: /\berr:(\w+)/i.exec(text)?.[1] ?? null };
}

type Row = { id: string; to: string; text: string; attempts: number };

export function createSmsSender(opts: SmsSenderOptions): SmsSender {
  const { db, smsUrl } = opts;
  const log = opts.log ?? logEvent;
  const now = opts.now ?? (() => new Date());
  const holder = opts.holder ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const maxAttempts = opts.maxAttempts ?? 10;
  const leaseMs = opts.leaseMs ?? 60_000;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const window = opts.window ?? 10;
  const source = sourceAddress(opts.sender);
  const gateway = smsUrl ? new URL(smsUrl).host : null;

  let link: SmscLink | null = null;
  let unreachable = false;
  /** Receipts that came before their submit_sm_resp was recorded, by message id (kept briefly). */
  const earlyReceipts = new Map<string, Receipt>();
  /** Submit results and receipts, committed together (a commit each costs a disk sync). */
  const results = groupCommit(db);

  async function connect(): Promise<SmscLink | string> {
    if (link?.open) return link;
    try {
      link = await bindTransceiver(smsUrl!, {
        onDeliver,
        timeoutMs,
        onClose: (reason) => log('warn', 'sms gateway connection lost', { gateway, reason }),
      });
      log('info', unreachable ? 'sms gateway bound again' : 'sms gateway bound', { gateway });
      unreachable = false;
      return link;
    } catch (error) {
      const reason = error instanceof GatewayError ? error.message : String(error);
      if (!unreachable) log('warn', 'sms gateway unreachable: queued messages wait', { gateway, reason });
      unreachable = true;
      return reason;
    }
  }

  async function disconnect() {
    const l = link;
    link = null;
    await l?.close();
  }

  async function onDeliver(pdu: PDU): Promise<number> {
    if (((pdu.esm_class ?? 0) & RECEIPT_TYPE_MASK) !== RECEIPT_TYPE) {
      log('info', 'sms received from the gateway (not a delivery receipt): ignored', { from: pdu.source_addr });
      return 0;
    }
    const receipt = parseReceipt(pdu);
    if (!receipt) {
      log('warn', 'sms delivery receipt without message id or state: ignored');
      return 0;
    }
    await results.write(async (tx) => {
      if (await applyReceipt(tx, receipt)) return;
      earlyReceipts.set(receipt.messageId, receipt);
      if (earlyReceipts.size > 1000) earlyReceipts.delete(earlyReceipts.keys().next().value!);
    });
    return 0;
  }

  /** Records a receipt on its row; false when no row has that message id (yet). */
  async function applyReceipt(tx: Tx, r: Receipt): Promise<boolean> {
    if (r.stat !== 'DELIVRD' && !FINAL_FAILURES.has(r.stat)) return true; // ENROUTE, ACCEPTD: not final
    const delivered = r.stat === 'DELIVRD';
    const updated = await tx
      .update(smsOutbox)
      .set(delivered ? { status: 'delivered', deliveredAt: now().toISOString() } : { status: 'failed', error: `not delivered: stat:${r.stat}${r.err ? ` err:${r.err}` : ''}` })
      .where(and(eq(smsOutbox.messageId, r.messageId), eq(smsOutbox.status, 'sent')))
      .returning({ id: smsOutbox.id });
    if (updated.length) return true;
    const [known] = await tx.select({ id: smsOutbox.id }).from(smsOutbox).where(eq(smsOutbox.messageId, r.messageId)).limit(1);
    return !!known; // a repeated receipt
  }

  /** Rows left 'sending' by a process that died mid-submit: maybe sent, so never sent again. */
  async function markUnconfirmed() {
    if (!(await exists(eq(smsOutbox.status, 'sending')))) return;
    const rows = await writeTransaction(db, (tx) =>
      tx
        .update(smsOutbox)
        .set({ status: 'unconfirmed', error: 'the sender stopped between submit_sm and its answer: maybe sent, not sent again' })
        .where(eq(smsOutbox.status, 'sending'))
        .returning({ id: smsOutbox.id }),
    );
    if (rows.length) log('warn', 'sms left in sending by a stopped sender marked unconfirmed (not resent)', { count: rows.length });
  }

  /** Without SMS_URL: the outbox and the log are the only sink. */
  async function storeQueued() {
    if (!(await exists(eq(smsOutbox.status, 'queued')))) return;
    const rows = await writeTransaction(db, (tx) =>
      tx.update(smsOutbox).set({ status: 'stored' }).where(eq(smsOutbox.status, 'queued')).returning({ to: smsOutbox.to, text: smsOutbox.text }),
    );
    for (const row of rows) log('info', 'sms stored (no SMS_URL)', { to: row.to, text: row.text });
  }

  /** A try that did not reach the gateway: again after the back-off, or 'failed' after the last. */
  function retryLater(attempts: number, error: string) {
    if (attempts >= maxAttempts) return { status: 'failed' as const, error };
    return { status: 'queued' as const, error, nextAttemptAt: outsideQuietHours(new Date(now().getTime() + retryDelayMs(attempts))).toISOString() };
  }

  /** The gateway is down or refused the bind: every due row counts a try and waits. */
  async function postponeDue(due: Row[], reason: string) {
    await writeTransaction(db, async (tx) => {
      for (const row of due) {
        await tx
          .update(smsOutbox)
          .set({ attempts: row.attempts + 1, ...retryLater(row.attempts + 1, reason) })
          .where(and(eq(smsOutbox.id, row.id), eq(smsOutbox.status, 'queued')));
      }
    });
  }

  /** Marks the rows 'sending' (one try more) if this process still holds the lease; null if not. */
  function claim(ids: string[]): Promise<Row[] | null> {
    return writeTransaction(db, async (tx) => {
      if (!(await renewLease(tx, LEASE, holder, now(), leaseMs))) return null;
      return tx
        .update(smsOutbox)
        .set({ status: 'sending', attempts: sql`${smsOutbox.attempts} + 1` })
        .where(and(inArray(smsOutbox.id, ids), eq(smsOutbox.status, 'queued')))
        .returning({ id: smsOutbox.id, to: smsOutbox.to, text: smsOutbox.text, attempts: smsOutbox.attempts });
    });
  }

  /** Writes what became of one submit_sm; true when the gateway accepted it. */
  async function record(row: Row, outcome: SubmitOutcome): Promise<boolean> {
    const one = and(eq(smsOutbox.id, row.id), inArray(smsOutbox.status, ['sending', 'unconfirmed']));
    if (outcome.kind === 'accepted') {
      await results.write(async (tx) => {
        await tx.update(smsOutbox).set({ status: 'sent', messageId: outcome.messageId, sentAt: now().toISOString(), error: null }).where(one);
        const early = outcome.messageId ? earlyReceipts.get(outcome.messageId) : undefined;
        if (early) {
          earlyReceipts.delete(early.messageId);
          await applyReceipt(tx, early);
        }
      });
      return true;
    }
    let set;
    if (outcome.kind === 'refused') {
      const error = `refused by the gateway (command_status 0x${outcome.status.toString(16).padStart(8, '0')})`;
      set = PERMANENT_REFUSALS.has(outcome.status) ? { status: 'failed' as const, error } : retryLater(row.attempts, error);
    } else if (outcome.kind === 'not-sent') {
      set = retryLater(row.attempts, `not sent: ${outcome.reason}`);
    } else {
      // Written to the gateway but unanswered: it may have gone out. Never submitted again.
      set = { status: 'unconfirmed' as const, error: `no answer from the gateway (${outcome.reason}): maybe sent, not sent again` };
      log('warn', 'sms unconfirmed: submit_sm unanswered, not resent', { id: row.id, reason: outcome.reason });
    }
    await results.write(async (tx) => {
      await tx.update(smsOutbox).set(set).where(one);
    });
    return false;
  }

  /**
   * Submits the rows, `window` at a time waiting for their answer; each answer is recorded as it
   * comes (group commits), without holding the next submit back.
   */
  async function submitAll(l: SmscLink, rows: Row[]) {
    let next = 0;
    let sent = 0;
    const recorded: Array<Promise<void>> = [];
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++];
        const outcome = await l.submit({
          ...source,
          dest_addr_ton: 1,
          dest_addr_npi: 1,
          destination_addr: row.to.replace(/^\+/, ''),
          registered_delivery: 1,
          data_coding: 0,
          short_message: row.text,
        });
        recorded.push(record(row, outcome).then((accepted) => void (accepted && sent++)));
      }
    };
    await Promise.all(Array.from({ length: Math.min(window, rows.length) }, worker));
    await Promise.all(recorded);
    return { sent, failed: rows.length - sent };
  }

  async function due(limit: number): Promise<Row[]> {
    return db
      .select({ id: smsOutbox.id, to: smsOutbox.to, text: smsOutbox.text, attempts: smsOutbox.attempts })
      .from(smsOutbox)
      .where(and(eq(smsOutbox.status, 'queued'), lte(smsOutbox.nextAttemptAt, now().toISOString())))
      .orderBy(asc(smsOutbox.nextAttemptAt), asc(smsOutbox.createdAt))
      .limit(limit);
  }

  /** A read first, so that an idle round writes nothing. */
  async function exists(where: SQL | undefined): Promise<boolean> {
    const [row] = await db.select({ id: smsOutbox.id }).from(smsOutbox).where(where).limit(1);
    return !!row;
  }

  function awaitingReceipts(): Promise<boolean> {
    const since = new Date(now().getTime() - RECEIPT_WAIT_MS).toISOString();
    return exists(and(eq(smsOutbox.status, 'sent'), gt(smsOutbox.sentAt, since)));
  }

  async function round(): Promise<{ sent: number; failed: number }> {
    const total = { sent: 0, failed: 0 };
    if (!(await takeLease(db, LEASE, holder, now(), leaseMs))) {
      // Another process sends; it hears the receipts too.
      await disconnect();
      return total;
    }
    // Under the lease, between rounds: no live round has a row in 'sending'.
    await markUnconfirmed();
    if (!smsUrl) {
      await storeQueued();
      return total;
    }
    if (!isQuietHour(now())) {
      while (total.sent + total.failed < ROUND_MAX) {
        const rows = await due(Math.min(CLAIM, ROUND_MAX - total.sent - total.failed));
        if (!rows.length) break;
        const l = await connect();
        if (typeof l === 'string') {
          // Gateway down or refusing the bind: nothing was sent, every due row waits its back-off.
          const all = await due(ROUND_MAX - total.sent - total.failed);
          await postponeDue(all, l);
          total.failed += all.length;
          break;
        }
        const claimed = await claim(rows.map((r) => r.id));
        if (!claimed) {
          await disconnect(); // the lease went to another process
          break;
        }
        const { sent, failed } = await submitAll(l, claimed);
        total.sent += sent;
        total.failed += failed;
        if (!l.open) break; // the connection dropped: bind again next round
      }
    }
    if (!link?.open && (await awaitingReceipts())) await connect();
    return total;
  }

  return periodicRounds('sms sender', round, async () => {
    await disconnect();
    await releaseLease(db, LEASE, holder).catch(() => undefined);
  }, log);
}

/**
 * Writes committed in groups: each write waits for the transaction under way, and all those
 * asked meanwhile then go in one transaction, in the order asked. A commit costs a disk sync
 * (about 4 ms here), so one per submit_sm answer and one per receipt held the sender near 100
 * messages a second; grouped, the answers of a whole window share one.
 */
const GROUP_WAIT_MS = 2;

function groupCommit(db: Db) {
  let waiting: Array<{ op: (tx: Tx) => Promise<void>; done: (error?: unknown) => void }> = [];
  let running = false;
  async function drain() {
    running = true;
    while (waiting.length) {
      // A moment for the answers already on their way to join this group.
      await new Promise((r) => setTimeout(r, GROUP_WAIT_MS));
      const group = waiting;
      waiting = [];
      try {
        await writeTransaction(db, async (tx) => {
          for (const w of group) await w.op(tx);
        });
        for (const w of group) w.done();
      } catch (error) {
        for (const w of group) w.done(error ?? new Error('write failed'));
      }
    }
    running = false;
  }
  return {
    write(op: (tx: Tx) => Promise<void>): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ op, done: (error) => (error === undefined ? resolve() : reject(error)) });
        if (!running) void drain();
      });
    },
  };
}
