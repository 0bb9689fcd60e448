import { z } from 'zod';
import { isoDate, optionalText, recordId } from './schema-parts.ts';
import { vmsg } from './validation-messages.ts';
import { MAX_NOTICE_DATES } from './absence-notice-mutations.ts';

/**
 * Absences announced in advance by a family (issue 18, item 4): push mutations, so they are
 * queued on the device offline and sent in order (docs/sync.md). The browser checks them with
 * these schemas before queuing; the server checks them again, then that the family owns the
 * enrollment and that each date is a coming lesson day of its course.
 */
export { ABSENCE_NOTICE_MUTATIONS } from './absence-notice-mutations.ts';

export const announceAbsenceArgsSchema = z.object({
  enrollmentId: recordId,
  dates: z
    .array(isoDate('noticeDates'), { error: vmsg('noticeDatesCount', { max: MAX_NOTICE_DATES }) })
    .min(1, { error: vmsg('noticeDatesCount', { max: MAX_NOTICE_DATES }) })
    .max(MAX_NOTICE_DATES, { error: vmsg('noticeDatesCount', { max: MAX_NOTICE_DATES }) })
    // The same day twice is one absence.
    .transform((dates) => [...new Set(dates)].sort()),
  reason: optionalText('noticeReason', 200).default(''),
});
export type AnnounceAbsenceArgs = z.input<typeof announceAbsenceArgsSchema>;

export const withdrawAbsenceArgsSchema = z.object({
  enrollmentId: recordId,
  date: isoDate('date'),
});
export type WithdrawAbsenceArgs = z.input<typeof withdrawAbsenceArgsSchema>;
