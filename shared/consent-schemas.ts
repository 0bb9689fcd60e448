import { z } from 'zod';
import { optionalText, recordId, requiredText } from './schema-parts.ts';
import { vmsg } from './validation-messages.ts';

/**
 * The consents a site asks families for (image rights, emergency medical decision, leaving alone
 * after the lesson, data processing…), per family or per student, and a family's answer. An
 * answer names the wording version it was given to: the server refuses an answer to a wording
 * that has changed since, so nobody agrees to a text they did not read.
 */
export { CONSENT_MUTATIONS } from './reenrolment-mutations.ts';

export const CONSENT_SCOPES = ['family', 'student'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const WORDING_MAX = 2000;

/** A family's answer: given or refused, for the family (studentId null) or one of its students. */
export const consentAnswerSchema = z.object({
  consentKindId: recordId,
  studentId: recordId.nullable().default(null),
  wordingVersion: z.number().int().min(1).max(100_000),
  given: z.boolean({ error: vmsg('consentChoice') }),
});
export type ConsentAnswerArgs = z.input<typeof consentAnswerSchema>;

const wordings = {
  wordingFr: requiredText('wordingFr', WORDING_MAX),
  wordingEn: optionalText('wordingEn', WORDING_MAX).default(''),
};

/** A new kind of consent (the desk's form). */
export const consentKindCreateSchema = z.object({
  code: z
    .string({ error: vmsg('consentCode') })
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: vmsg('consentCode') })
    .max(40, { error: vmsg('tooLong', { field: 'consentCode', max: 40 }) }),
  scope: z.enum(CONSENT_SCOPES, { error: vmsg('consentScope') }),
  ...wordings,
});
export type ConsentKindCreateInput = z.input<typeof consentKindCreateSchema>;

/** A kind's new wording: a changed text raises its version, which asks families again. */
export const consentKindWordingSchema = z.object(wordings);
export type ConsentKindWordingInput = z.input<typeof consentKindWordingSchema>;

/** Asked or no longer asked (a deactivated kind keeps its answers). */
export const consentKindActiveSchema = z.object({ active: z.boolean() });
