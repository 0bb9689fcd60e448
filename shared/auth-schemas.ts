import { z } from 'zod';
import { passwordProblem } from './password-policy.ts';
import { vmsg, type FieldName } from './validation-messages.ts';

/**
 * Payloads of the sign-in and password endpoints, validated by the browser before sending and by
 * the server again. Messages are French, each with its code (shared/validation-messages.ts), so
 * the browser shows them in the person's language.
 */
const required = (field: FieldName) =>
  z.string({ error: vmsg('required', { field }) }).trim().min(1, { error: vmsg('required', { field }) });

export const signInSchema = z.object({
  siteId: required('siteId'),
  username: required('username').max(100).transform((v) => v.toLowerCase()),
  // Not trimmed: spaces may be part of a password.
  password: z.string({ error: vmsg('required', { field: 'password' }) }).min(1, { error: vmsg('required', { field: 'password' }) }).max(200),
});
export type SignInInput = z.input<typeof signInSchema>;

export const lostPasswordSchema = z.object({
  siteId: required('siteId'),
  username: required('username').max(100).transform((v) => v.toLowerCase()),
  email: required('email').pipe(z.email({ error: vmsg('email') })),
});

const newPassword = z.string({ error: vmsg('required', { field: 'newPassword' }) }).superRefine((value, ctx) => {
  const problem = value.length === 0 ? vmsg('required', { field: 'newPassword' }) : passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const confirmation = z.string({ error: vmsg('required', { field: 'confirmation' }) });

function confirmationMatches(data: { newPassword: string; confirmation: string }, ctx: z.RefinementCtx) {
  if (data.confirmation.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['confirmation'], message: vmsg('required', { field: 'confirmation' }) });
  } else if (data.confirmation !== data.newPassword) {
    ctx.addIssue({ code: 'custom', path: ['confirmation'], message: vmsg('confirmationMismatch') });
  }
}

export const resetPasswordSchema = z
  .object({ token: required('token'), newPassword, confirmation })
  .superRefine(confirmationMatches);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: vmsg('required', { field: 'currentPassword' }) }).min(1, { error: vmsg('required', { field: 'currentPassword' }) }),
    newPassword,
    confirmation,
  })
  .superRefine(confirmationMatches);

export const preferencesSchema = z.object({
  a11yMode: z.boolean().optional(),
  locale: z.enum(['fr', 'en']).optional(),
});

/** Kept here for its callers; it lives beside the codes of the messages it collects. */
export { fieldErrors } from './validation-messages.ts';
