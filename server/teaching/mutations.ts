import { TEACHING_MUTATIONS } from '../../shared/teaching-schemas.ts';
import type { Tx } from '../db/client.ts';
import type { SessionUser } from '../http/context.ts';
import { deleteEvaluation, saveEvaluation } from './evaluations.ts';
import { deleteNote, saveNote } from './notes.ts';
import { deleteRepertoire, saveRepertoire } from './repertoire.ts';
import { saveRollCall } from './roll-call.ts';
import type { TeachingOutcome } from './scope.ts';

/** The teacher's push mutations by name (server/sync/push.ts merges them into its handlers). */
export const TEACHING_HANDLERS: Record<string, (tx: Tx, user: SessionUser, args: unknown) => Promise<TeachingOutcome>> = {
  [TEACHING_MUTATIONS.rollCall]: saveRollCall,
  [TEACHING_MUTATIONS.saveEvaluation]: saveEvaluation,
  [TEACHING_MUTATIONS.deleteEvaluation]: deleteEvaluation,
  [TEACHING_MUTATIONS.saveNote]: saveNote,
  [TEACHING_MUTATIONS.deleteNote]: deleteNote,
  [TEACHING_MUTATIONS.saveRepertoire]: saveRepertoire,
  [TEACHING_MUTATIONS.deleteRepertoire]: deleteRepertoire,
};
