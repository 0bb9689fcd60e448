import { readFileSync } from 'node:fs';
import { Hono, type MiddlewareHandler } from 'hono';
import { formatCents } from '../../shared/money.ts';
import { PAYFIP_MIN_CENTS } from '../../shared/billing.ts';
import { PAYFIP_RULES } from '../../shared/billing-schemas.ts';
import { IDOP_LIFETIME_MS } from '../payfip/config.ts';
import {
  CREER_REQUEST_FIELDS, creerPaiementSecuriseResponse, faultResponse, PAYFIP_NS, readFields, readRequest,
  recupererDetailClientResponse, recupererDetailPaiementSecuriseResponse, type CreerRequest, type FaultType, type PaymentDetail,
} from '../payfip/soap.ts';
import { XmlError } from '../payfip/xml.ts';
import { logEvent } from '../log.ts';
import { esc, simulatorPage } from './page.ts';

/**
 * The PayFiP simulator (docs/payfip.md): the same SOAP operations and faults as the real service,
 * and a payment page ("Payer par carte bancaire", then "Valider le paiement", "Refuser",
 * "Abandonner") that notifies urlnotif by POST and sends the browser back to urlredirect.
 * Kept in memory: a restart forgets its transactions, as a test double may.
 *
 * Error codes as the real service's (those other public clients handle: P1 idOp unknown, P5
 * result not known, R3 refdet, A2 mel; the other creation codes are the simulator's own):
 * creerPaiementSecurise R1 numcli, R2 exer, R3 refdet, R4 montant (< 1,00 €), R5 objet,
 * R6 saisie, A2 mel, R8 urlnotif/urlredirect not on this server, R9 reference already paid;
 * recupererDetailPaiementSecurise P1 idOp unknown, P5 no result yet (the family is still on the
 * page, or left it without finishing; after expiry too, or P1 with `apresExpiration`). An
 * abandon (A) leaves the page open until the idOp expires: the family may come back and pay.
 *
 * Test controls: POST /controle { notification: 'normal' | 'delay' | 'drop', delayMs,
 * montantModifie, refdetModifie, numcliModifie, indisponible, avanceMs, apresExpiration,
 * reinitialiser } and GET /journal (the SOAP messages exchanged, bounded). Both are behind the
 * `guardControls` middleware the caller must give (server/payfip/mount.ts: secretariat or token).
 */
interface Transaction {
  idOp: string;
  request: CreerRequest;
  createdAt: number;
  result?: { resultrans: 'P' | 'R' | 'A'; numauto: string; dattrans: string; heurtrans: string };
}

export interface SimulatorControl {
  notification: 'normal' | 'delay' | 'drop';
  delayMs: number;
  /** Answer this montant / refdet / numcli in a paid detail instead of the real one (a tampered or mixed-up transaction). */
  montantModifie: string | null;
  refdetModifie: string | null;
  numcliModifie: string | null;
  /** Answer every SOAP call with TechIndisponibiliteErreur. */
  indisponible: boolean;
  /** Moves the simulator's clock forward (an idOp's expiry without waiting 15 minutes). */
  avanceMs: number;
  /** What recupererDetailPaiementSecurise answers for an idOp that expired without a result. */
  apresExpiration: 'P5' | 'P1';
}

export interface JournalEntry {
  at: string;
  operation: string;
  request: string;
  response: string;
  status: number;
}

const WSDL_DIR = new URL('../payfip/wsdl/', import.meta.url);
const DEFAULT_CONTROL: SimulatorControl = {
  notification: 'normal', delayMs: 2000, montantModifie: null, refdetModifie: null, numcliModifie: null, indisponible: false, avanceMs: 0, apresExpiration: 'P5',
};
/** The journal keeps the last `entries` exchanges, each message cut to `chars` characters. */
export const JOURNAL_LIMITS = { entries: 100, chars: 4096 } as const;
const cut = (text: string) => (text.length > JOURNAL_LIMITS.chars ? `${text.slice(0, JOURNAL_LIMITS.chars)}… [tronqué, ${text.length} caractères]` : text);

/** A URL on the given origin only (urlnotif, urlredirect: never another host, no SSRF, no open redirect). */
function onOrigin(url: string, origin: string): boolean {
  try {
    const u = new URL(url);
    return u.origin === origin && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * The payment page's form posts come from the page itself: a browser that says the request is
 * from another site (Sec-Fetch-Site), or an Origin that is not ours, is refused.
 */
function sameOriginForm(origin: string): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const from = c.req.header('origin');
    if ((site && site !== 'same-origin' && site !== 'none') || (from !== undefined && from !== origin)) {
      return c.text('Requête refusée : elle ne vient pas de la page de paiement.', 403);
    }
    return next();
  };
}

function parisNow(now = new Date()) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { dattrans: `${parts.day}${parts.month}${parts.year}`, heurtrans: `${parts.hour}${parts.minute}` };
}

export interface SimulatorOptions {
  /** This server's public origin (PUBLIC_URL): urlnotif and urlredirect must be on it. */
  publicUrl: string;
  /** Guards the test controls and the journal (who may use them). */
  guardControls: MiddlewareHandler;
  fetch?: typeof fetch;
}

export function createPayfipSimulator(opts: SimulatorOptions) {
  const doFetch = opts.fetch ?? fetch;
  const origin = new URL(opts.publicUrl).origin;
  const transactions = new Map<string, Transaction>();
  let control: SimulatorControl = { ...DEFAULT_CONTROL };
  const journal: JournalEntry[] = [];
  const now = () => Date.now() + control.avanceMs;

  const soap = (operation: string, request: string, status: number, response: string) => {
    journal.push({ at: new Date().toISOString(), operation: cut(operation), request: cut(request), response: cut(response), status });
    if (journal.length > JOURNAL_LIMITS.entries) journal.shift();
    return new Response(response, { status, headers: { 'content-type': 'text/xml; charset=utf-8' } });
  };
  const fault = (operation: string, request: string, type: FaultType, code: string, libelle: string) =>
    soap(operation, request, 500, faultResponse({ type, code, libelle, severite: type === 'FonctionnelleErreur' ? 2 : 1 }));

  function creerProblem(req: CreerRequest): [string, string] | null {
    if (!PAYFIP_RULES.numcli.test(req.numcli)) return ['R1', 'Le format du paramètre NUMCLI n\'est pas conforme'];
    if (!PAYFIP_RULES.exer.test(req.exer)) return ['R2', 'Le format du paramètre EXER n\'est pas conforme'];
    if (!PAYFIP_RULES.refdet.test(req.refdet)) return ['R3', 'Le format du paramètre REFDET n\'est pas conforme'];
    if (!/^[1-9]\d{0,9}$/.test(req.montant) || Number(req.montant) < PAYFIP_MIN_CENTS) return ['R4', 'Le montant doit être un nombre entier de centimes d\'au moins 1,00 €'];
    if (!PAYFIP_RULES.objet.test(req.objet)) return ['R5', 'Le format du paramètre OBJET n\'est pas conforme'];
    if (!PAYFIP_RULES.saisie.test(req.saisie)) return ['R6', 'Le format du paramètre SAISIE n\'est pas conforme'];
    // Length first: the pattern backtracks quadratically on a long run of dots (200 KB: 95 s).
    if (req.mel.length > 80 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(req.mel)) return ['A2', 'Adresse mail incorrecte.'];
    if (!onOrigin(req.urlnotif, origin) || !onOrigin(req.urlredirect, origin)) return ['R8', `urlnotif et urlredirect doivent être sur ${origin} (simulateur)`];
    for (const t of transactions.values()) {
      if (t.request.numcli === req.numcli && t.request.refdet === req.refdet && t.result?.resultrans === 'P') return ['R9', 'Cette référence a déjà été payée'];
    }
    return null;
  }

  function expired(t: Transaction) {
    return now() - t.createdAt > IDOP_LIFETIME_MS;
  }

  /** Finished for good: paid or refused, or anything once the idOp expired (an abandon stays open until then). */
  function closed(t: Transaction) {
    return (t.result && t.result.resultrans !== 'A') || expired(t);
  }

  function detailOf(t: Transaction, result: NonNullable<Transaction['result']>): Partial<PaymentDetail> {
    const paid = result.resultrans === 'P';
    return {
      dattrans: result.dattrans, exer: t.request.exer, heurtrans: result.heurtrans, idOp: t.idOp, mel: t.request.mel,
      montant: paid && control.montantModifie ? control.montantModifie : t.request.montant,
      numauto: result.numauto, numcli: paid && control.numcliModifie ? control.numcliModifie : t.request.numcli, objet: t.request.objet,
      refdet: paid && control.refdetModifie ? control.refdetModifie : t.request.refdet, resultrans: result.resultrans, saisie: t.request.saisie,
    };
  }

  async function notify(t: Transaction) {
    const send = () =>
      doFetch(t.request.urlnotif, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ idop: t.idOp }).toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      }).then(
        (r) => r.body?.cancel(),
        (e: Error) => logEvent('warn', 'payfip-simulateur notification failed', { urlnotif: t.request.urlnotif, error: e.message }),
      );
    if (control.notification === 'drop') return;
    if (control.notification === 'delay') {
      setTimeout(() => void send(), control.delayMs).unref();
      return;
    }
    await send();
  }

  const returnUrl = (t: Transaction) => {
    const url = new URL(t.request.urlredirect);
    url.searchParams.set('idop', t.idOp);
    return url.toString();
  };

  const app = new Hono()
    .use('/controle', opts.guardControls)
    .use('/journal', opts.guardControls)
    .use('/paiement', sameOriginForm(origin))
    .get('/services/securite', (c) => {
      if (!('wsdl' in c.req.queries())) return c.text('PaiementSecuriseService (simulateur) : POST SOAP attendu.', 405);
      return c.body(readFileSync(new URL('PaiementSecuriseService.wsdl', WSDL_DIR), 'utf8'), 200, { 'content-type': 'text/xml; charset=utf-8' });
    })
    .post('/services/securite', async (c) => {
      const body = await c.req.text();
      let req;
      try {
        req = readRequest(body);
      } catch (error) {
        return fault('?', body, 'TechProtocolaireErreur', 'T1', `Message SOAP illisible : ${(error as XmlError).message}`);
      }
      const op = req.operation;
      if (req.ns !== PAYFIP_NS) return fault(op, body, 'TechProtocolaireErreur', 'T2', `Opération hors de l'espace de noms du service : ${req.ns}`);
      if (!req.arg0) return fault(op, body, 'TechProtocolaireErreur', 'T3', 'arg0 manquant');
      if (control.indisponible) return fault(op, body, 'TechIndisponibiliteErreur', 'I1', 'Service momentanément indisponible');

      if (op === 'creerPaiementSecurise') {
        const fields = readFields(req.arg0, CREER_REQUEST_FIELDS);
        const problem = creerProblem(fields);
        if (problem) return fault(op, body, 'FonctionnelleErreur', problem[0], problem[1]);
        const idOp = crypto.randomUUID().replace(/-/g, '');
        transactions.set(idOp, { idOp, request: fields, createdAt: Date.now() });
        return soap(op, body, 200, creerPaiementSecuriseResponse(idOp));
      }
      if (op === 'recupererDetailPaiementSecurise') {
        const idOp = readFields(req.arg0, ['idOp'] as const).idOp;
        const t = transactions.get(idOp);
        if (!t) return fault(op, body, 'FonctionnelleErreur', 'P1', 'IdOp incorrect.');
        if (!t.result) {
          if (expired(t) && control.apresExpiration === 'P1') return fault(op, body, 'FonctionnelleErreur', 'P1', 'IdOp incorrect.');
          return fault(op, body, 'FonctionnelleErreur', 'P5', 'Résultat de la transaction non connu.');
        }
        return soap(op, body, 200, recupererDetailPaiementSecuriseResponse(detailOf(t, t.result)));
      }
      if (op === 'recupererDetailClient') {
        const numcli = readFields(req.arg0, ['numCli'] as const).numCli;
        if (!PAYFIP_RULES.numcli.test(numcli)) return fault(op, body, 'FonctionnelleErreur', 'C1', 'numCli inconnu');
        return soap(op, body, 200, recupererDetailClientResponse({ libelleN1: 'Conservatoire (simulateur)', libelleN2: '', libelleN3: '', numcli }));
      }
      return fault(op, body, 'TechProtocolaireErreur', 'T4', `Opération inconnue : ${op}`);
    })
    .get('/paiementws.web', (c) => {
      const idop = c.req.query('idop') ?? c.req.query('idOp') ?? '';
      const t = transactions.get(idop);
      if (!t) {
        return c.html(simulatorPage({ title: 'Paiement introuvable', body: `<h1>Paiement introuvable</h1><p>Ce lien de paiement est inconnu.</p>` }), 404);
      }
      const summary = `<dl>
  <dt>Objet</dt><dd>${esc(t.request.objet)}</dd>
  <dt>Référence</dt><dd>${esc(t.request.refdet)}</dd>
  <dt>Montant</dt><dd>${esc(formatCents(Number(t.request.montant)))}</dd>
</dl>`;
      if (t.result && t.result.resultrans !== 'A') {
        return c.html(simulatorPage({ title: 'Transaction terminée', body: `<h1>Transaction terminée</h1>${summary}<p><a href="${esc(returnUrl(t))}">Retourner sur le site du conservatoire</a></p>` }));
      }
      if (expired(t)) {
        return c.html(simulatorPage({ title: 'Délai dépassé', body: `<h1>Délai de paiement dépassé</h1><p>Ce lien de paiement a expiré (15 minutes).</p><p><a href="${esc(returnUrl(t))}">Retourner sur le site du conservatoire</a></p>` }));
      }
      const hidden = `<input type="hidden" name="idop" value="${esc(idop)}">`;
      if (c.req.query('etape') === 'carte') {
        return c.html(simulatorPage({
          title: 'Paiement par carte bancaire',
          body: `<h1>Paiement par carte bancaire</h1>${summary}
<p class="note">Simulateur : aucune carte n'est demandée. Choisissez l'issue du paiement.</p>
<form method="post" action="/payfip-simulateur/paiement">${hidden}
<div class="actions">
<button type="submit" name="action" value="valider">Valider le paiement</button>
<button type="submit" name="action" value="refuser" class="secondary">Refuser</button>
<button type="submit" name="action" value="abandonner" class="secondary">Abandonner</button>
</div></form>`,
        }));
      }
      return c.html(simulatorPage({
        title: 'Paiement sécurisé',
        body: `<h1>Paiement sécurisé</h1>${summary}
<form method="post" action="/payfip-simulateur/paiement">${hidden}
<div class="actions">
<button type="submit" name="action" value="carte">Payer par carte bancaire</button>
<button type="submit" name="action" value="abandonner" class="secondary">Abandonner</button>
</div></form>`,
      }));
    })
    .post('/paiement', async (c) => {
      const form = await c.req.parseBody();
      const idop = String(form.idop ?? '');
      const action = String(form.action ?? '');
      const t = transactions.get(idop);
      if (!t) return c.html(simulatorPage({ title: 'Paiement introuvable', body: `<h1>Paiement introuvable</h1><p>Ce lien de paiement est inconnu.</p>` }), 404);
      if (closed(t)) return c.redirect(`/payfip-simulateur/paiementws.web?idop=${encodeURIComponent(idop)}`, 303);
      if (action === 'carte') return c.redirect(`/payfip-simulateur/paiementws.web?idop=${encodeURIComponent(idop)}&etape=carte`, 303);
      const resultrans = action === 'valider' ? 'P' : action === 'refuser' ? 'R' : action === 'abandonner' ? 'A' : null;
      if (!resultrans) return c.text('Action inconnue', 400);
      t.result = { resultrans, numauto: resultrans === 'P' ? String(Math.floor(100000 + Math.random() * 900000)) : '', ...parisNow(new Date(now())) };
      await notify(t);
      return c.redirect(returnUrl(t), 303);
    })
    .post('/controle', async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as Partial<SimulatorControl> & { reinitialiser?: boolean };
      if (body.reinitialiser) control = { ...DEFAULT_CONTROL };
      if (body.notification && ['normal', 'delay', 'drop'].includes(body.notification)) control.notification = body.notification;
      if (typeof body.delayMs === 'number' && body.delayMs >= 0 && body.delayMs <= 600_000) control.delayMs = body.delayMs;
      for (const key of ['montantModifie', 'refdetModifie', 'numcliModifie'] as const) {
        const value = body[key];
        if (value === null || (typeof value === 'string' && value.length <= 64)) control[key] = value;
      }
      if (typeof body.indisponible === 'boolean') control.indisponible = body.indisponible;
      if (typeof body.avanceMs === 'number' && body.avanceMs >= 0 && body.avanceMs <= 24 * 3_600_000) control.avanceMs = body.avanceMs;
      if (body.apresExpiration === 'P5' || body.apresExpiration === 'P1') control.apresExpiration = body.apresExpiration;
      return c.json(control, 200);
    })
    .get('/journal', (c) => c.json(journal, 200));

  return app;
}
