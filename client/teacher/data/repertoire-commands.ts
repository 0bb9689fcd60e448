import { TEACHING_MUTATIONS, type RepertoireArgs } from '../../../shared/teaching-schemas.ts';
import type { TeachingResult } from './evaluation-commands.ts';
import { submitWatchedMutation } from '../../data/submit-mutation.ts';

/** Writes a piece a student played (a new id adds it to the student's repertoire, a known id corrects it). */
export function saveRepertoireEntry(args: RepertoireArgs): Promise<TeachingResult> {
  return submitWatchedMutation(TEACHING_MUTATIONS.saveRepertoire, args);
}

/** Deletes a repertoire entry the teacher wrote. */
export function deleteRepertoireEntry(id: string): Promise<TeachingResult> {
  return submitWatchedMutation(TEACHING_MUTATIONS.deleteRepertoire, { id });
}
