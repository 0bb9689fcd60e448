import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token a pre-registration form carries from the moment it was opened: "<ms>.<hmac>", signed
 * with AUTH_SECRET so it cannot be made up. It proves nothing about who fills the form; it lets
 * the server refuse an application sent faster than a person can type one (robots post at once)
 * without any captcha.
 */
export const MIN_FILL_MS = 3_000;
export const MAX_FORM_AGE_MS = 24 * 60 * 60 * 1000;

const sign = (secret: string, at: string) => createHmac('sha256', secret).update(`preregistration:${at}`).digest('base64url');

export const formToken = (secret: string, now = Date.now()) => `${now}.${sign(secret, String(now))}`;

/** 'ok', or why the token is refused: forged/unreadable, sent too fast, or too old (reload the form). */
export function checkFormToken(secret: string, token: string, now = Date.now()): 'ok' | 'invalid' | 'too_fast' | 'expired' {
  const m = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return 'invalid';
  const expected = Buffer.from(sign(secret, m[1]));
  const given = Buffer.from(m[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now - Number(m[1]);
  if (age < MIN_FILL_MS) return 'too_fast';
  if (age > MAX_FORM_AGE_MS) return 'expired';
  return 'ok';
}
