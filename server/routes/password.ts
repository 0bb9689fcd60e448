import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { changePasswordSchema, lostPasswordSchema, resetPasswordSchema } from '../../shared/auth-schemas.ts';
import { sendPasswordLink } from '../auth/auth.ts';
import { createLinkThrottle } from '../auth/link-throttle.ts';
import { passwordChangedMail } from '../auth/mails.ts';
import { authHeaders, requireSession } from '../auth/session-middleware.ts';
import { forwardCookies } from '../auth/session-info.ts';
import { user } from '../db/schema/index.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { ApiError } from '../http/errors.ts';
import { logEvent } from '../log.ts';
import { validateJson } from '../http/validate.ts';

export const LOST_PASSWORD_ANSWER =
  "Si ces informations correspondent à un compte, un e-mail vient d'être envoyé avec un lien pour choisir un nouveau mot de passe. Ce lien est valable une heure.";

/**
 * Lost password sends a single-use link valid one hour (better-auth's reset token), never a
 * password by e-mail; the answer is the same whether or not an account matched, and whether or not
 * a limit held the link back (3 links per account, 20 requests per address, per hour). A new link
 * or a reset ends the account's earlier links (createAuth).
 */
export const passwordRoutes = new Hono<AppEnv>()
  .post('/lost', validateJson(lostPasswordSchema), async (c) => {
    const { db, auth } = c.var.deps;
    const { siteId, username, email } = c.req.valid('json');
    const [found] = await db
      .select({ id: user.id, email: user.email })
      .from(user)
      // A disabled account gets no link (the answer stays the same).
      .where(and(eq(user.username, username), eq(user.siteId, siteId), eq(user.disabled, false)));
    const match = found && found.email.toLowerCase() === email.toLowerCase() ? found : null;
    // Every request counts against its address; only a matching one against the account. Over a
    // limit nothing is sent and the answer is the same: see createLinkThrottle.
    const allowed = await createLinkThrottle(db).reserve(match?.id ?? null, c.var.clientIp);
    if (match && allowed) {
      // Not awaited: the answer must take the same time whether or not an account matched.
      void sendPasswordLink(auth, match.email)
        .catch((error: unknown) => logEvent('error', 'password reset request failed', { error }));
    }
    return sendJson(c, { message: LOST_PASSWORD_ANSWER }, 200);
  })
  .post('/reset', validateJson(resetPasswordSchema), async (c) => {
    const { auth } = c.var.deps;
    const { token, newPassword } = c.req.valid('json');
    try {
      await auth.api.resetPassword({ body: { token, newPassword } });
    } catch {
      throw new ApiError(400, 'invalid_token', "Ce lien n'est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau.", {
        token: "Ce lien n'est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau.",
      });
    }
    return sendJson(c, { message: 'Votre mot de passe a été modifié. Connectez-vous avec le nouveau mot de passe.' }, 200);
  })
  .post('/change', requireSession, validateJson(changePasswordSchema), async (c) => {
    const { auth, mailer } = c.var.deps;
    const { currentPassword, newPassword } = c.req.valid('json');
    let result;
    try {
      result = await auth.api.changePassword({
        body: { currentPassword, newPassword, revokeOtherSessions: true },
        headers: authHeaders(c.req.raw.headers, c.var.clientIp),
        returnHeaders: true,
      });
    } catch {
      throw new ApiError(422, 'validation', 'Certains champs sont à corriger.', {
        currentPassword: 'Le mot de passe actuel est incorrect.',
      });
    }
    forwardCookies(result.headers, c);
    void mailer.send(passwordChangedMail(c.var.user.email, c.var.user.name), c.var.user.siteId);
    return sendJson(c, { message: 'Votre mot de passe a été modifié. Vos autres sessions ont été fermées.' }, 200);
  });
