import type { InferResponseType } from 'hono/client';
import { answer, apiClient, HttpError, OfflineError } from '../../api/http.ts';

const messages = apiClient.admin.messages;
type SentMessages = InferResponseType<typeof messages.$get, 200>;

/** Which messages: the SMS, or the e-mails. */
export type MessageKind = 'sms' | 'mail';

/**
 * The SMS or e-mails the app sent for the secretariat's site, newest first (at most `limit`),
 * with their state; online only. Throws OfflineError / HttpError (client/data/command-errors.ts).
 */
export function fetchSentMessages(kind: MessageKind, limit = 100) {
  return answer<SentMessages>(messages.$get({ query: { kind, limit: String(limit) } }));
}

export type SentSms = SentMessages['sms'][number];
export type SentMail = SentMessages['mail'][number];

/**
 * Sends a failed SMS or e-mail again (the SMS back to the queue, the e-mail as a new message):
 * 'sent', 'offline', or the server's refusal message (already queued again, not failed…).
 */
export async function resendMessage(kind: MessageKind, id: string): Promise<'sent' | 'offline' | { refused: string }> {
  try {
    const param = { id: encodeURIComponent(id) };
    await answer(kind === 'sms' ? messages.sms[':id'].resend.$post({ param }) : messages.mail[':id'].resend.$post({ param }));
    return 'sent';
  } catch (error) {
    if (error instanceof OfflineError) return 'offline';
    if (error instanceof HttpError) return { refused: error.message };
    throw error;
  }
}
