import { z } from 'zod';
import { passwordProblem } from './password-policy.ts';

/**
 * Payloads of the sign-in and password endpoints, validated by the browser before sending and by
 * the server again. Messages are French: they are shown to the user as they are.
 */
const required = (label: string) =>
  z.string({ error: `Le champ « ${label} » est obligatoire.` }).trim().min(1, { error: `Le champ « ${label} » est obligatoire.` });

export const signInSchema = z.object({
  siteId: required('Site'),
  username: required('Identifiant').max(100).transform((v) => v.toLowerCase()),
  // Not trimmed: spaces may be part of a password.
  password: z.string({ error: 'Le champ « Mot de passe » est obligatoire.' }).min(1, { error: 'Le champ « Mot de passe » est obligatoire.' }).max(200),
});
export type SignInInput = z.input<typeof signInSchema>;

export const lostPasswordSchema = z.object({
  siteId: required('Site'),
  username: required('Identifiant').max(100).transform((v) => v.toLowerCase()),
  email: required('E-mail').pipe(z.email({ error: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.' })),
});
export type LostPasswordInput = z.input<typeof lostPasswordSchema>;

const newPassword = z.string({ error: 'Le champ « Nouveau mot de passe » est obligatoire.' }).superRefine((value, ctx) => {
  const problem = value.length === 0 ? 'Le champ « Nouveau mot de passe » est obligatoire.' : passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const confirmation = z.string({ error: 'Le champ « Confirmation » est obligatoire.' });

function confirmationMatches(data: { newPassword: string; confirmation: string }, ctx: z.RefinementCtx) {
  if (data.confirmation.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'Le champ « Confirmation » est obligatoire.' });
  } else if (data.confirmation !== data.newPassword) {
    ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'La confirmation ne correspond pas au nouveau mot de passe.' });
  }
}

export const resetPasswordSchema = z
  .object({ token: required('Jeton'), newPassword, confirmation })
  .superRefine(confirmationMatches);
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Le champ « Mot de passe actuel » est obligatoire.' }).min(1, { error: 'Le champ « Mot de passe actuel » est obligatoire.' }),
    newPassword,
    confirmation,
  })
  .superRefine(confirmationMatches);
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const preferencesSchema = z.object({
  a11yMode: z.boolean().optional(),
  locale: z.enum(['fr', 'en']).optional(),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

/** Turns zod issues into `{ field: message }`, first message per field (what the forms show). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
