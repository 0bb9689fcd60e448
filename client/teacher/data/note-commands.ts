import { TEACHING_MUTATIONS, type NoteArgs } from '../../../shared/teaching-schemas.ts';
import type { TeachingResult } from './evaluation-commands.ts';
import { submitWatchedMutation } from '../../data/submit-mutation.ts';

/** Writes a follow-up note on a student in a course (a new id adds one, a known id corrects it). */
export function saveNote(args: NoteArgs): Promise<TeachingResult> {
  return submitWatchedMutation(TEACHING_MUTATIONS.saveNote, args);
}

/** Deletes one of the teacher's own follow-up notes. */
export function deleteNote(id: string): Promise<TeachingResult> {
  return submitWatchedMutation(TEACHING_MUTATIONS.deleteNote, { id });
}
