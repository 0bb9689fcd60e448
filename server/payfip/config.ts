import type { Env } from '../env.ts';

/** Where the simulator is mounted (the service worker's denylist covers every /payfip… path). */
export const SIMULATOR_PATH = '/payfip-simulateur';
export const PAYFIP_SOAP_URL = 'https://www.payfip.gouv.fr/tpa/services/securite';
export const PAYFIP_PAGE_URL = 'https://www.payfip.gouv.fr/tpa/paiementws.web';
/** An idOp is valid 15 minutes (docs/payfip.md). */
export const IDOP_LIFETIME_MS = 15 * 60 * 1000;

export interface PayfipConfig {
  simulator: boolean;
  soapUrl: string;
  paymentPageUrl: string;
  numcli: string;
  saisie: 'T' | 'X' | 'W';
  urlnotif: string;
  urlredirect: string;
}

/**
 * On only in demo mode (npm start --demo, SEED_DEMO=1; PAYFIP_SIMULATOR=0 turns it off) or with
 * PAYFIP_SIMULATOR=1; never in production (server/env.ts refuses that environment).
 */
export function simulatorEnabled(env: Env): boolean {
  return !env.production && (env.PAYFIP_SIMULATOR ?? env.SEED_DEMO) === '1';
}

export function payfipConfig(env: Env): PayfipConfig {
  const simulator = simulatorEnabled(env);
  const base = env.PUBLIC_URL;
  return {
    simulator,
    soapUrl: env.PAYFIP_URL ?? (simulator ? `${base}${SIMULATOR_PATH}/services/securite` : PAYFIP_SOAP_URL),
    paymentPageUrl: env.PAYFIP_PAYMENT_URL ?? (simulator ? `${base}${SIMULATOR_PATH}/paiementws.web` : PAYFIP_PAGE_URL),
    numcli: env.PAYFIP_NUMCLI,
    saisie: env.PAYFIP_SAISIE,
    urlnotif: `${base}/api/billing/payfip/notification`,
    urlredirect: `${base}/famille/facturation/paiement/retour`,
  };
}

/** The payment page's origin when it is not ours: the CSP's form-action must allow it. */
export function payfipFormActions(env: Env): string[] {
  const page = new URL(payfipConfig(env).paymentPageUrl).origin;
  return page === new URL(env.PUBLIC_URL).origin ? [] : [page];
}
