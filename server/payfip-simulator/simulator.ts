import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { formatCents } from '../../shared/money.ts';
import { PAYFIP_RULES } from '../../shared/billing-schemas.ts';
import { IDOP_LIFETIME_MS } from '../payfip/config.ts';
import {
  CREER_REQUEST_FIELDS, creerPaiementSecuriseResponse, faultResponse, PAYFIP_NS, readFields, readRequest,
  recupererDetailClientResponse, recupererDetailPaiementSecuriseResponse, type CreerRequest, type FaultType, type PaymentDetail,
} from '../payfip/soap.ts';
import { XmlError } from '../payfip/xml.ts';
import { esc, simulatorPage } from './page.ts';

/**
 * The PayFiP simulator (DESIGN.md §7): the same SOAP operations and faults as the real service,
 * and a payment page ("Payer par carte bancaire", then "Valider le paiement", "Refuser",
 * "Abandonner") that notifies urlnotif by POST and sends the browser back to urlredirect.
 * Kept in memory: a restart forgets its transactions, as a test double may.
 *
 * Test controls: POST /controle { notification: 'normal' | 'delay' | 'drop', delayMs,
 * montantModifie, indisponible } and GET /journal (the SOAP messages exchanged).
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
  /** Answer this montant in the detail instead of the real one (a tampered transaction). */
  montantModifie: string | null;
  /** Answer every SOAP call with TechIndisponibiliteErreur. */
  indisponible: boolean;
}

export interface JournalEntry {
  at: string;
  operation: string;
  request: string;
  response: string;
  status: number;
}

const WSDL_DIR = new URL('../payfip/wsdl/', import.meta.url);
const DEFAULT_CONTROL: SimulatorControl = { notification: 'normal', delayMs: 2000, montantModifie: null, indisponible: false };

function parisNow(now = new Date()) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { dattrans: `${parts.day}${parts.month}${parts.year}`, heurtrans: `${parts.hour}${parts.minute}` };
}

export function createPayfipSimulator(opts: { fetch?: typeof fetch } = {}) {
  const doFetch = opts.fetch ?? fetch;
  const transactions = new Map<string, Transaction>();
  let control: SimulatorControl = { ...DEFAULT_CONTROL };
  const journal: JournalEntry[] = [];

  const soap = (operation: string, request: string, status: number, response: string) => {
    journal.push({ at: new Date().toISOString(), operation, request, response, status });
    if (journal.length > 200) journal.shift();
    return new Response(response, { status, headers: { 'content-type': 'text/xml; charset=utf-8' } });
  };
  const fault = (operation: string, request: string, type: FaultType, code: string, libelle: string) =>
    soap(operation, request, 500, faultResponse({ type, code, libelle, severite: type === 'FonctionnelleErreur' ? 2 : 1 }));

  function creerProblem(req: CreerRequest): [string, string] | null {
    if (!PAYFIP_RULES.numcli.test(req.numcli)) return ['P1', 'numcli invalide : 6 chiffres attendus'];
    if (!PAYFIP_RULES.exer.test(req.exer)) return ['P2', 'exer invalide'];
    if (!PAYFIP_RULES.refdet.test(req.refdet)) return ['P3', 'refdet invalide : 1 à 30 caractères alphanumériques'];
    if (!/^[1-9]\d{0,9}$/.test(req.montant)) return ['P4', 'montant invalide : un nombre entier de centimes'];
    if (!PAYFIP_RULES.objet.test(req.objet)) return ['P5', 'objet invalide : 100 caractères au plus, sans accents'];
    if (!/^[TXW]$/.test(req.saisie)) return ['P6', 'saisie invalide : T, X ou W'];
    if (!/^\S+@\S+\.\S+$/.test(req.mel)) return ['P7', 'mel invalide'];
    if (!/^https?:\/\//.test(req.urlnotif) || !/^https?:\/\//.test(req.urlredirect)) return ['P8', 'urlnotif et urlredirect sont obligatoires'];
    for (const t of transactions.values()) {
      if (t.request.numcli === req.numcli && t.request.refdet === req.refdet && t.result?.resultrans === 'P') return ['P9', 'Cette référence a déjà été payée'];
    }
    return null;
  }

  function expired(t: Transaction) {
    return Date.now() - t.createdAt > IDOP_LIFETIME_MS;
  }

  function detailOf(t: Transaction): Partial<PaymentDetail> {
    // An idOp that expired unused ends as abandoned, as the real service reports it.
    const result = t.result ?? { resultrans: 'A' as const, numauto: '', ...parisNow(new Date(t.createdAt + IDOP_LIFETIME_MS)) };
    return {
      dattrans: result.dattrans, exer: t.request.exer, heurtrans: result.heurtrans, idOp: t.idOp, mel: t.request.mel,
      montant: result.resultrans === 'P' && control.montantModifie ? control.montantModifie : t.request.montant,
      numauto: result.numauto, numcli: t.request.numcli, objet: t.request.objet, refdet: t.request.refdet,
      resultrans: result.resultrans, saisie: t.request.saisie,
    };
  }

  async function notify(t: Transaction) {
    const send = () =>
      doFetch(t.request.urlnotif, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ idop: t.idOp }).toString(),
        signal: AbortSignal.timeout(10_000),
      }).then(
        (r) => r.body?.cancel(),
        (e: Error) => console.warn(`[payfip-simulateur] notification to ${t.request.urlnotif} failed: ${e.message}`),
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
        if (!t) return fault(op, body, 'FonctionnelleErreur', 'R1', 'IdOp inconnu');
        if (!t.result && !expired(t)) return fault(op, body, 'FonctionnelleErreur', 'R2', 'Transaction non terminée');
        return soap(op, body, 200, recupererDetailPaiementSecuriseResponse(detailOf(t)));
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
      if (t.result) {
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
      if (t.result || expired(t)) return c.redirect(`/payfip-simulateur/paiementws.web?idop=${encodeURIComponent(idop)}`, 303);
      if (action === 'carte') return c.redirect(`/payfip-simulateur/paiementws.web?idop=${encodeURIComponent(idop)}&etape=carte`, 303);
      const resultrans = action === 'valider' ? 'P' : action === 'refuser' ? 'R' : action === 'abandonner' ? 'A' : null;
      if (!resultrans) return c.text('Action inconnue', 400);
      t.result = { resultrans, numauto: resultrans === 'P' ? String(Math.floor(100000 + Math.random() * 900000)) : '', ...parisNow() };
      await notify(t);
      return c.redirect(returnUrl(t), 303);
    })
    .post('/controle', async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as Partial<SimulatorControl> & { reinitialiser?: boolean };
      if (body.reinitialiser) control = { ...DEFAULT_CONTROL };
      if (body.notification && ['normal', 'delay', 'drop'].includes(body.notification)) control.notification = body.notification;
      if (typeof body.delayMs === 'number' && body.delayMs >= 0 && body.delayMs <= 600_000) control.delayMs = body.delayMs;
      if (body.montantModifie === null || typeof body.montantModifie === 'string') control.montantModifie = body.montantModifie;
      if (typeof body.indisponible === 'boolean') control.indisponible = body.indisponible;
      return c.json(control, 200);
    })
    .get('/journal', (c) => c.json(journal, 200));

  return app;
}
