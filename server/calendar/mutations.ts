import { COURSE_EVENT_MUTATIONS } from '../../shared/course-event.ts';
import type { Tx } from '../db/client.ts';
import type { SessionUser } from '../http/context.ts';
import type { TeachingOutcome } from '../teaching/scope.ts';
import { saveTeacherEvent } from './course-events.ts';

/**
 * The push mutations of course events written offline (a teacher's), by name (server/sync/push.ts
 * merges them). Through the outbox rather than a route: teachers work in rooms without network,
 * like their roll calls.
 */
export const CALENDAR_HANDLERS: Record<string, (tx: Tx, user: SessionUser, args: unknown) => Promise<TeachingOutcome>> = {
  [COURSE_EVENT_MUTATIONS.save]: saveTeacherEvent,
};
