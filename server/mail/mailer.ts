import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/client.ts';
import { mailOutbox } from '../db/schema/index.ts';
import { logEvent } from '../log.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Records the message in the outbox, then sends it; never throws (a failure is recorded). */
  send(message: MailMessage): Promise<void>;
}

/**
 * Every message goes into the mail outbox first (the secretariat can see what was sent), then to
 * SMTP_URL through nodemailer when it is set; without it the outbox and the log are the only sink.
 */
export function createMailer(db: Db, opts: { smtpUrl?: string; from: string; log?: typeof logEvent }): Mailer {
  const transport: Transporter | null = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  const log = opts.log ?? logEvent;
  return {
    async send(message) {
      const [row] = await db
        .insert(mailOutbox)
        .values({ ...message, status: transport ? 'queued' : 'stored' })
        .returning({ id: mailOutbox.id });
      if (!transport) {
        log('info', 'mail stored (no SMTP_URL)', { to: message.to, subject: message.subject });
        return;
      }
      try {
        await transport.sendMail({ from: opts.from, ...message });
        await db.update(mailOutbox).set({ status: 'sent', sentAt: new Date().toISOString() }).where(eq(mailOutbox.id, row.id));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        log('warn', 'mail failed', { to: message.to, reason });
        await db.update(mailOutbox).set({ status: 'failed', error: reason }).where(eq(mailOutbox.id, row.id));
      }
    },
  };
}
