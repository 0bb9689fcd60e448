import { createHash, timingSafeEqual } from 'node:crypto';
import type { Hono, MiddlewareHandler } from 'hono';
import { every, some } from 'hono/combine';
import { requireRole, requireSession } from '../auth/session-middleware.ts';
import type { Env } from '../env.ts';
import type { AppEnv } from '../http/context.ts';
import { unauthorized } from '../http/errors.ts';
import { limitJsonBodies, sameOriginWrites } from '../http/request-guards.ts';
import { createPayfipSimulator } from '../payfip-simulator/simulator.ts';
import { SIMULATOR_PATH, simulatorEnabled } from './config.ts';
import { payfipNotificationSchema } from '../../shared/billing-schemas.ts';
import { logEvent } from '../log.ts';
import { settleAttempt } from './payments.ts';

/** The header that carries PAYFIP_SIMULATOR_TOKEN (tests and benchmarks drive the simulator with it). */
export const SIMULATOR_TOKEN_HEADER = 'x-payfip-simulateur-token';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may use the simulator's controls and read its journal (families' e-mails, invoice numbers):
 * a signed-in secretariat account, or a request carrying PAYFIP_SIMULATOR_TOKEN when one is set;
 * and only as /api writes are allowed (same site, JSON, bounded).
 */
function simulatorOperator(env: Env): MiddlewareHandler<AppEnv> {
  const expected = env.PAYFIP_SIMULATOR_TOKEN ? digest(env.PAYFIP_SIMULATOR_TOKEN) : null;
  const testToken: MiddlewareHandler<AppEnv> = async (c, next) => {
    const token = c.req.header(SIMULATOR_TOKEN_HEADER);
    if (!expected || token === undefined || !timingSafeEqual(digest(token), expected)) throw unauthorized();
    await next();
  };
  return every(sameOriginWrites, some(testToken, every(requireSession, requireRole('secretariat'))));
}

/**
 * What PayFiP reaches outside /api: the simulator when it is on, and the return address
 * (urlredirect) when the service sends the browser back with a POST carrying idop. The result
 * is recorded first (idempotent), then the browser is sent to the client page with the idop.
 */
export function mountPayfip(app: Hono<AppEnv>, env: Env) {
  if (simulatorEnabled(env)) {
    console.warn(
      `\n${'!'.repeat(78)}\n!! SIMULATEUR PAYFIP ACTIF sur ${env.PUBLIC_URL}${SIMULATOR_PATH} : les paiements sont simulés, aucun n'est réel.\n` +
        `!! Pour la démonstration et les tests seulement, jamais en production (PAYFIP_SIMULATOR=0 pour l'arrêter).\n${'!'.repeat(78)}\n`,
    );
    app.use(`${SIMULATOR_PATH}/*`, limitJsonBodies);
    app.route(SIMULATOR_PATH, createPayfipSimulator({ publicUrl: env.PUBLIC_URL, guardControls: simulatorOperator(env) }));
  }
  app.post('/famille/facturation/paiement/retour', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const parsed = payfipNotificationSchema.safeParse({ idop: form.idop ?? c.req.query('idop'), idOp: form.idOp ?? c.req.query('idOp') });
    const idop = parsed.success ? parsed.data : '';
    if (idop) await settleAttempt(c.var.deps.db, c.var.deps.env, idop, 'return').catch((error) => logEvent('error', 'payfip return failed', { error }));
    return c.redirect(`/famille/facturation/paiement/retour${idop ? `?idop=${encodeURIComponent(idop)}` : ''}`, 303);
  });
}
