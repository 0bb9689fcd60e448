import { and, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db, Tx } from '../db/client.ts';
import { mailOutbox } from '../db/schema/index.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { retryDelayMs } from '../jobs/backoff.ts';
import { logEvent } from '../log.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** What the mailer hands a message to: nodemailer's transport, or a test's recorder. */
export interface MailTransport {
  sendMail(message: MailMessage & { from: string; messageId: string; signal?: AbortSignal }): Promise<unknown>;
}

export interface Mailer {
  /**
   * Writes the message into mail_outbox inside the caller's write transaction: it is committed
   * with the change it tells of, or not at all. Returns its id, for `deliver` after the commit.
   * `siteId`: the site it is sent for, whose desk lists it (not its address: one address may be
   * a family's at two sites, and an applicant's is nobody's yet).
   */
  queue(tx: Tx, message: MailMessage, siteId: string): Promise<string>;
  /** In the caller's transaction: rewrites a message still 'queued' (not handed to SMTP yet); false when it is no longer. */
  rewriteQueued(tx: Tx, id: string, message: MailMessage): Promise<boolean>;
  /**
   * After the commit: sends these rows now, so the family hears at once. Never throws: what
   * fails here stays queued for the sender job (server/mail/sender.ts), which also sends what a
   * process that died before this point left.
   */
  deliver(ids: string[]): Promise<void>;
  /** `queue` in a transaction of its own, then `deliver`: for a mail that goes with no change of ours. */
  send(message: MailMessage, siteId: string): Promise<void>;
  /** The sender job's round: sends the queued rows that are due (at most `limit`, one claim each), while `claimable` holds in each claim's transaction. */
  deliverDue(limit: number, claimable?: (tx: Tx) => Promise<boolean>): Promise<{ sent: number; failed: number } | null>;
  /** Rows left 'sending' by a process that died mid-send: queued again (docs/mail.md says why). */
  requeueStale(): Promise<number>;
}

export interface MailerOptions {
  smtpUrl?: string;
  /** Replaces the SMTP transport (tests record what would go out). */
  transport?: MailTransport;
  from: string;
  log?: typeof logEvent;
  now?: () => Date;
  /** Tries before a row is 'failed' (default 12: back-off 30 s, 1, 2, 4, 8 min, then every 15 min: about 1 h 45 in all). */
  maxAttempts?: number;
  /** A claim older than this was made by a process that died (longer than any SMTP timeout below). */
  staleMs?: number;
}

/** nodemailer's own timeouts go up to 10 minutes (and SMTP_URL's query may set them): shorter by default. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };
/**
 * One send is aborted after SEND_MS whatever the server does (a slow server restarts the socket
 * timeout with every reply), and a row is claimed just before its own send: so a claim older than
 * STALE_MS belongs to a process that died, never to a live one.
 */
const SEND_MS = 2 * 60_000;
const STALE_MS = 5 * 60_000;

type Row = { id: string; to: string; subject: string; text: string; attempts: number; claimToken: string | null };

/**
 * The mail outbox and its delivery (docs/mail.md). Every message is a row of mail_outbox written in
 * the transaction of the change it tells of, delivered right after the commit and, when that did
 * not happen, by the sender job.
 *
 * A row is claimed ('sending') by one atomic UPDATE before it is handed to SMTP, so two processes
 * (or the request and the job) never send it both. At least once: a row left 'sending' by a process
 * that died during the SMTP exchange may have gone out; it is sent again after STALE_MS with the
 * same Message-ID (`<row id@domain>`), which mail clients use to show one message. Losing a
 * password link or a decision is worse than a rare duplicate that clients fold together (an SMS,
 * which has no such id, is sent at most once instead: server/sms/sender.ts).
 *
 * Without SMTP_URL (and no transport), the outbox and the log are the only sink: rows are 'stored'.
 */
export function createMailer(db: Db, opts: MailerOptions): Mailer {
  const transport: MailTransport | null = opts.transport ?? (opts.smtpUrl ? nodemailer.createTransport({ url: opts.smtpUrl, ...SMTP_TIMEOUTS }) : null);
  const log = opts.log ?? logEvent;
  const now = opts.now ?? (() => new Date());
  const maxAttempts = opts.maxAttempts ?? 12;
  const staleMs = opts.staleMs ?? STALE_MS;
  const domain = /@([^>\s]+)>?\s*$/.exec(opts.from)?.[1] ?? 'portee.invalid';

  /** Marks one row 'sending' under a token of its own (one try more); only a row still 'queued' is taken. */
  async function claimOne(tx: Tx, where: SQL): Promise<Row | null> {
    const next = tx.select({ id: mailOutbox.id }).from(mailOutbox).where(and(eq(mailOutbox.status, 'queued'), where)).orderBy(mailOutbox.createdAt).limit(1);
    const [row] = await tx
      .update(mailOutbox)
      .set({ status: 'sending', claimedAt: now().toISOString(), claimToken: crypto.randomUUID(), attempts: sql`${mailOutbox.attempts} + 1` })
      .where(and(inArray(mailOutbox.id, next), eq(mailOutbox.status, 'queued')))
      .returning({ id: mailOutbox.id, to: mailOutbox.to, subject: mailOutbox.subject, text: mailOutbox.text, attempts: mailOutbox.attempts, claimToken: mailOutbox.claimToken });
    return row ?? null;
  }

  /**
   * The job's part: claims and sends the due rows one at a time, while `claimable` holds (null: it
   * stopped holding first), and stops at the first failure (SMTP is failing: the next round tries
   * again, after the row's back-off).
   */
  async function sendDue(where: () => SQL, limit: number, claimable?: (tx: Tx) => Promise<boolean>) {
    const done = { sent: 0, failed: 0 };
    while (done.sent + done.failed < limit) {
      const row = await writeTransaction(db, async (tx) => {
        if (claimable && !(await claimable(tx))) return undefined;
        return claimOne(tx, where());
      });
      if (row === undefined) return done.sent + done.failed ? done : null;
      if (!row) break;
      if (await sendRow(row)) done.sent++;
      else {
        done.failed++;
        break;
      }
    }
    return done;
  }

  /** Without a transport: the queued rows among `where` become 'stored', and are logged. */
  async function store(where: SQL) {
    const rows = await writeTransaction(db, (tx) =>
      tx.update(mailOutbox).set({ status: 'stored' }).where(and(eq(mailOutbox.status, 'queued'), where)).returning({ to: mailOutbox.to, subject: mailOutbox.subject }),
    );
    for (const row of rows) log('info', 'mail stored (no SMTP_URL)', { to: row.to, subject: row.subject });
    return rows.length;
  }

  /** Hands one claimed row to SMTP and writes what became of it (only if the claim is still its own); true when it went out. */
  async function sendRow(row: Row): Promise<boolean> {
    const mine = and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, 'sending'), eq(mailOutbox.claimToken, row.claimToken!));
    try {
      await transport!.sendMail({ from: opts.from, to: row.to, subject: row.subject, text: row.text, messageId: `<${row.id}@${domain}>`, signal: AbortSignal.timeout(SEND_MS) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Only the recipient refused for good (RCPT TO answered 5xx: no such mailbox) is final; a
      // refused login, a blocklisted address or a full quota get better: tried again with back-off.
      const e = error as { code?: string; command?: string; responseCode?: number };
      const permanent = e.code === 'EENVELOPE' && typeof e.responseCode === 'number' && e.responseCode >= 500;
      const last = permanent || row.attempts >= maxAttempts;
      log('warn', last ? 'mail failed' : 'mail failed: tried again later', { to: row.to, attempts: row.attempts, reason });
      await writeTransaction(db, (tx) =>
        tx
          .update(mailOutbox)
          .set(
            last
              ? { status: 'failed', error: reason, claimedAt: null, claimToken: null }
              : { status: 'queued', error: reason, claimedAt: null, claimToken: null, nextAttemptAt: new Date(now().getTime() + retryDelayMs(row.attempts)).toISOString() },
          )
          .where(mine),
      );
      return false;
    }
    await writeTransaction(db, (tx) => tx.update(mailOutbox).set({ status: 'sent', sentAt: now().toISOString(), error: null, claimedAt: null, claimToken: null }).where(mine));
    return true;
  }

  const mailer: Mailer = {
    async queue(tx, message, siteId) {
      const [row] = await tx.insert(mailOutbox).values({ to: message.to, subject: message.subject, text: message.text, siteId, status: 'queued' }).returning({ id: mailOutbox.id });
      return row.id;
    },

    async rewriteQueued(tx, id, message) {
      const rows = await tx
        .update(mailOutbox)
        .set(message)
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'queued')))
        .returning({ id: mailOutbox.id });
      return rows.length > 0;
    },

    async deliver(ids) {
      if (!ids.length) return;
      try {
        if (!transport) {
          await store(inArray(mailOutbox.id, ids));
          return;
        }
        // One claim each, just before its send; each id once (a failed one waits for the job).
        for (const id of ids) {
          const row = await writeTransaction(db, (tx) => claimOne(tx, eq(mailOutbox.id, id)));
          if (row) await sendRow(row);
        }
      } catch (error) {
        // The rows are committed: the sender job sends them (a stale claim is taken back).
        log('error', 'mail delivery after the commit failed: left to the sender job', { count: ids.length, error });
      }
    },

    async send(message, siteId) {
      const id = await writeTransaction(db, (tx) => mailer.queue(tx, message, siteId));
      await mailer.deliver([id]);
    },

    async deliverDue(limit, claimable) {
      const due = () => or(isNull(mailOutbox.nextAttemptAt), lte(mailOutbox.nextAttemptAt, now().toISOString()))!;
      if (!transport) {
        if (claimable && !(await writeTransaction(db, claimable))) return null;
        return { sent: await store(due()), failed: 0 };
      }
      return sendDue(due, limit, claimable);
    },

    async requeueStale() {
      const before = new Date(now().getTime() - staleMs).toISOString();
      const rows = await writeTransaction(db, (tx) =>
        tx
          .update(mailOutbox)
          .set({ status: 'queued', claimedAt: null, claimToken: null, error: 'the sender stopped during the SMTP exchange: sent again with the same Message-ID' })
          .where(and(eq(mailOutbox.status, 'sending'), lte(mailOutbox.claimedAt, before)))
          .returning({ id: mailOutbox.id }),
      );
      if (rows.length) log('warn', 'mail left in sending by a stopped process queued again', { count: rows.length });
      return rows.length;
    },
  };
  return mailer;
}
