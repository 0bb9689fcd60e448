import { z } from 'zod';
import { isoDate, optionalText, recordId, requiredText } from './schema-parts.ts';
import { vmsg } from './validation-messages.ts';

/**
 * A course's events (issue 18, item 5): a concert, an exam, an audition… that the secretariat
 * (online, /admin/cours/:courseId) or the course's teacher (offline too, through the outbox)
 * adds to a course. The browser checks the form with these schemas and the server checks again.
 * Sizes are bounded so a forged payload costs nothing.
 */

export const COURSE_EVENT_KINDS = ['concert', 'exam', 'audition', 'rehearsal', 'other'] as const;
export type CourseEventKind = (typeof COURSE_EVENT_KINDS)[number];

/** How the kinds read in French (the server's feed is French; the screens use their catalogue). */
export const COURSE_EVENT_KIND_LABELS_FR: Record<CourseEventKind, string> = {
  concert: 'Concert',
  exam: 'Examen',
  audition: 'Audition',
  rehearsal: 'Répétition',
  other: 'Autre',
};

export const COURSE_EVENT_DURATION = { min: 1, max: 600 } as const;
export const COURSE_EVENT_TITLE_MAX = 120;
export const COURSE_EVENT_PLACE_MAX = 120;

const durationMessage = vmsg('eventDuration', COURSE_EVENT_DURATION);

/** Empty → null (no duration); typed digits → a number; anything else is refused. */
const optionalDuration = z.preprocess(
  (v) => (v === '' || v === undefined || v === null || (typeof v === 'string' && !v.trim()) ? null : typeof v === 'string' && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : v),
  z
    .number({ error: durationMessage })
    .int({ error: durationMessage })
    .min(COURSE_EVENT_DURATION.min, { error: durationMessage })
    .max(COURSE_EVENT_DURATION.max, { error: durationMessage })
    .nullable(),
);

/** Empty → null (an event of the whole day); otherwise "HH:MM". */
const optionalStartTime = z.preprocess(
  (v) => (v === '' || v === undefined || v === null || (typeof v === 'string' && !v.trim()) ? null : typeof v === 'string' ? v.trim() : v),
  z.string({ error: vmsg('startTime') }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: vmsg('startTime') }).nullable(),
);

/** What the event form holds (numbers as typed text are accepted and turned into numbers). */
export const courseEventSchema = z.object({
  kind: z.enum(COURSE_EVENT_KINDS, { error: vmsg('eventKind') }),
  title: requiredText('eventTitle', COURSE_EVENT_TITLE_MAX),
  date: isoDate('date'),
  startTime: optionalStartTime,
  durationMinutes: optionalDuration,
  place: optionalText('place', COURSE_EVENT_PLACE_MAX).default(''),
});
export type CourseEventInput = z.input<typeof courseEventSchema>;
export type CourseEventValues = z.output<typeof courseEventSchema>;

/** The secretariat's edit: the same fields, plus cancelling (an event is cancelled, never deleted: families were told). */
export const courseEventUpdateSchema = courseEventSchema.extend({ cancelled: z.boolean().default(false) });

/** The teacher's push mutation: an event of one of their classes, under an id the device made (a replay lands on the same row). */
export { COURSE_EVENT_MUTATIONS } from './course-event-mutations.ts';

export const courseEventArgsSchema = courseEventSchema.extend({
  id: recordId,
  courseId: recordId,
  cancelled: z.boolean().default(false),
});
export type CourseEventArgs = z.input<typeof courseEventArgsSchema>;
