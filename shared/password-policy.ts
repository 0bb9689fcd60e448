import { COMMON_PASSWORDS } from './common-passwords.ts';
import { vmsg } from './validation-messages.ts';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const common = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

/** True when the password is one of the most used ones (compared without case). */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

/** The reason a new password is refused, in French (with its code, see vmsg), or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return vmsg('passwordTooShort', { min: PASSWORD_MIN_LENGTH });
  if (password.length > PASSWORD_MAX_LENGTH) return vmsg('passwordTooLong', { max: PASSWORD_MAX_LENGTH });
  if (isCommonPassword(password)) return vmsg('passwordCommon');
  return null;
}
