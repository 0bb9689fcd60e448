import type { Tx } from '../db/client.ts';
import type { SessionUser } from '../http/context.ts';
import type { TeachingOutcome } from '../teaching/scope.ts';

/** The push mutations of course events written offline (a teacher's), by name (server/sync/push.ts merges them). */
export const CALENDAR_HANDLERS: Record<string, (tx: Tx, user: SessionUser, args: unknown) => Promise<TeachingOutcome>> = {};
