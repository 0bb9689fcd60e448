import type { Tx } from '../db/client.ts';
import type { SessionUser } from '../http/context.ts';
import type { TeachingOutcome } from '../teaching/scope.ts';

/** The push mutations of the yearly re-enrolment and consents, by name (server/sync/push.ts merges them). */
export const REENROLMENT_HANDLERS: Record<string, (tx: Tx, user: SessionUser, args: unknown) => Promise<TeachingOutcome>> = {};
