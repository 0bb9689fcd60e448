import type { Hono } from 'hono';
import type { Env } from '../env.ts';
import type { AppEnv } from '../http/context.ts';
import { createPayfipSimulator } from '../payfip-simulator/simulator.ts';
import { SIMULATOR_PATH, simulatorEnabled } from './config.ts';
import { settleAttempt } from './payments.ts';

/**
 * What PayFiP reaches outside /api: the simulator when it is on, and the return address
 * (urlredirect) when the service sends the browser back with a POST carrying idop. The result
 * is recorded first (idempotent), then the browser is sent to the client page with the idop.
 */
export function mountPayfip(app: Hono<AppEnv>, env: Env) {
  if (simulatorEnabled(env)) app.route(SIMULATOR_PATH, createPayfipSimulator());
  app.post('/famille/facturation/paiement/retour', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const idop = String(form.idop ?? form.idOp ?? c.req.query('idop') ?? c.req.query('idOp') ?? '').slice(0, 64);
    if (idop) await settleAttempt(c.var.deps.db, c.var.deps.env, idop, 'return').catch((error) => console.error('[payfip] return', error));
    return c.redirect(`/famille/facturation/paiement/retour${idop ? `?idop=${encodeURIComponent(idop)}` : ''}`, 303);
  });
}
