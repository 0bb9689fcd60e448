import { TEACHING_MUTATIONS, type RollCallArgs } from '../../../shared/teaching-schemas.ts';
import type { TeachingResult } from './evaluation-commands.ts';
import { dismissRefusal, submitWatchedMutation } from '../../data/submit-mutation.ts';

/**
 * Takes (or corrects) a class's roll call for a lesson day: queued in the outbox, then sent.
 * 'sent' once the server applied it (its absences replace the day's earlier ones), 'queued'
 * while it waits on this device (the roll call page shows it from the outbox meanwhile, a reload
 * offline included), `{ rejected }` when the server refused it for good (`not_found`: not one of
 * the teacher's classes or students; `validation`: with its fields).
 */
export function saveRollCall(args: RollCallArgs): Promise<TeachingResult> {
  return submitWatchedMutation(TEACHING_MUTATIONS.rollCall, args);
}

/** Forgets a roll call the server refused once the teacher has taken that roll call again. */
export function dismissRollCallRefusal(mutationId: number): Promise<void> {
  return dismissRefusal(mutationId);
}
