import type { InferResponseType } from 'hono/client';
import { answer, apiClient } from '../../api/http.ts';

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
