import { COURSE_EVENT_MUTATIONS, type CourseEventArgs } from '../../../shared/course-event.ts';
import type { SubmitResult } from '../../data/mutation-submit.ts';
import { submitWatchedMutation } from '../../data/submit-mutation.ts';

/**
 * The teacher adds (or corrects, or cancels) an event of one of their classes: through the outbox,
 * like a roll call, so it works in a room without network ('queued' until it leaves the device).
 */
export function saveTeacherCourseEvent(args: CourseEventArgs): Promise<SubmitResult> {
  return submitWatchedMutation(COURSE_EVENT_MUTATIONS.save, args);
}
