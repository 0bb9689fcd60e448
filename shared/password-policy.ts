import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const common = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

/** True when the password is one of the most used ones (compared without case). */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

/** The reason a new password is refused, in French, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `Le mot de passe doit contenir au plus ${PASSWORD_MAX_LENGTH} caractères.`;
  if (isCommonPassword(password))
    return 'Ce mot de passe fait partie des plus utilisés : choisissez-en un autre.';
  return null;
}
