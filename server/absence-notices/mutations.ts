import { ABSENCE_NOTICE_MUTATIONS } from '../../shared/absence-notice-schemas.ts';
import type { Tx } from '../db/client.ts';
import type { SessionUser } from '../http/context.ts';
import type { TeachingOutcome } from '../teaching/scope.ts';
import { announceAbsence, withdrawAbsence } from './announce.ts';

/** The push mutations of absences announced by families, by name (server/sync/push.ts merges them). */
export const ABSENCE_NOTICE_HANDLERS: Record<string, (tx: Tx, user: SessionUser, args: unknown) => Promise<TeachingOutcome>> = {
  [ABSENCE_NOTICE_MUTATIONS.announce]: (tx, user, args) => announceAbsence(tx, user, args),
  [ABSENCE_NOTICE_MUTATIONS.withdraw]: (tx, user, args) => withdrawAbsence(tx, user, args),
};
