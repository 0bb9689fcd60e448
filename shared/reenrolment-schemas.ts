import { z } from 'zod';
import { isoDate, optionalText, recordId } from './schema-parts.ts';
import { SCHOOL_YEAR_PATTERN, schoolYearOf, shiftSchoolYear } from './school-year.ts';
import { vmsg } from './validation-messages.ts';

/**
 * The yearly re-enrolment (issue 18, item 2, docs/reenrolment.md). A family's answers travel
 * through the outbox as push mutations: the device checks them with these schemas before queuing,
 * the server again (server/reenrolment/). The secretariat's campaign is a desk form (online).
 */
export { REENROLMENT_MUTATIONS } from './reenrolment-mutations.ts';

export const REENROLMENT_CHOICES = ['continue', 'stop', 'change'] as const;
export type ReenrolmentChoice = (typeof REENROLMENT_CHOICES)[number];

/** Bounds of what a family types: a wish is a discipline or a course, a comment a few lines. */
export const WISH_MAX = 200;
export const COMMENT_MAX = 1000;

/** A student's answer for the campaign; answering again replaces it (one per campaign and student). */
export const reenrolmentAnswerSchema = z
  .object({
    campaignId: recordId,
    studentId: recordId,
    choice: z.enum(REENROLMENT_CHOICES, { error: vmsg('reenrolmentChoice') }),
    wish: optionalText('wish', WISH_MAX).default(''),
    comment: optionalText('comment', COMMENT_MAX).default(''),
  })
  // "Changer" says what for; "continuer" and "arrêter" need no wish (and keep none).
  .refine((v) => v.choice !== 'change' || v.wish.length > 0, { path: ['wish'], error: vmsg('required', { field: 'wish' }) })
  .transform((v) => (v.choice === 'change' ? v : { ...v, wish: '' }));
export type ReenrolmentAnswerArgs = z.input<typeof reenrolmentAnswerSchema>;

/** "Je confirme que ces informations sont à jour", for the campaign. */
export const reenrolmentConfirmSchema = z.object({ campaignId: recordId });
export type ReenrolmentConfirmArgs = z.input<typeof reenrolmentConfirmSchema>;

/**
 * The campaign the secretariat opens: a school year from the next one on (`now` decides which is
 * next), its first and last day. One per site and year is the server's check.
 */
export function campaignSchema(now: Date = new Date()) {
  const next = shiftSchoolYear(schoolYearOf(now), 1);
  return z
    .object({
      schoolYear: z
        .string({ error: vmsg('schoolYear') })
        .trim()
        .regex(SCHOOL_YEAR_PATTERN, { error: vmsg('schoolYear') })
        .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, { error: vmsg('schoolYear') })
        .refine((y) => y >= next, { error: vmsg('campaignYear', { year: next }) }),
      opensOn: isoDate('opensOn'),
      closesOn: isoDate('closesOn'),
    })
    .refine((v) => v.closesOn >= v.opensOn, { path: ['closesOn'], error: vmsg('closesBeforeOpens') });
}
export type CampaignInput = z.input<ReturnType<typeof campaignSchema>>;
