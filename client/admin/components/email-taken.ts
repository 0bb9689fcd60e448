import { HttpError } from '../../data/command-errors.ts';
import { serverProblem, type Problem } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';

/**
 * A refusal because another account has the e-mail (the server's 422 with an `email` message and
 * no code): shown next to the field in the person's language. Anything else: undefined, the
 * form's default mapping.
 */
export function emailTakenProblem(error: unknown): Problem | undefined {
  if (!(error instanceof HttpError) || error.status !== 422) return undefined;
  const { fields = {}, fieldCodes = {} } = error.body.error;
  if (!fields.email || fieldCodes.email) return undefined;
  const problem = serverProblem(error.body);
  return { ...problem, fields: { ...problem.fields, email: t('deskAccounts.emailTaken') } };
}
