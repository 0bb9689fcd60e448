/**
 * The name of the push mutation that saves a course's event, apart from its schema
 * (course-event.ts): the teacher's course page reads queued events through it in the data worker,
 * and a name must not bring zod into a module that only reads (docs/performance.md).
 */
export const COURSE_EVENT_MUTATIONS = { save: 'calendar.event.save' } as const;
