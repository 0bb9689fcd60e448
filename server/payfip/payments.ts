import { and, eq, lt } from 'drizzle-orm';
import { writeTransaction } from '../db/write-transaction.ts';
import { invoiceBalanceCents, PAYFIP_MIN_CENTS, statusOfResultrans, type PayfipStatus } from '../../shared/billing.ts';
import { payfipObjet, payfipRequestSchema } from '../../shared/billing-schemas.ts';
import type { Db, Tx } from '../db/client.ts';
import { auditLog, discount, family, invoice, payfipAttempt, payment } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import type { Env } from '../env.ts';
import type { SessionUser } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { logEvent } from '../log.ts';
import { createPayfipClient, PayfipFault, PayfipUnavailable, type PayfipClient } from './client.ts';
import { IDOP_LIFETIME_MS, payfipConfig } from './config.ts';
import type { PaymentDetail } from './soap.ts';

/**
 * The PayFiP flow on our side (docs/payfip.md): one attempt per click, one payment per invoice,
 * `refdet` = the invoice number. Every result is read back from PayFiP itself
 * (recupererDetailPaiementSecurise), never taken from what the browser or the notification says,
 * and recorded once: the attempt leaves 'pending' in the same transaction that writes the payment.
 */
export const PAYFIP_PAYMENT_LABEL = 'Paiement en ligne PayFiP';

export function payfipClient(env: Env, fetchImpl?: typeof fetch): PayfipClient {
  return createPayfipClient({ url: payfipConfig(env).soapUrl, fetch: fetchImpl });
}

/** What an invoice still asks for: its amount less its payments and discounts. */
export async function invoiceDue(db: Db | Tx, inv: { id: string; amountCents: number }) {
  const [payments, discounts] = await Promise.all([
    db.select({ invoiceId: payment.invoiceId, amountCents: payment.amountCents }).from(payment).where(eq(payment.invoiceId, inv.id)),
    db.select({ invoiceId: discount.invoiceId, amountCents: discount.amountCents }).from(discount).where(eq(discount.invoiceId, inv.id)),
  ]);
  return invoiceBalanceCents(inv, payments, discounts);
}

/** How long an attempt may wait for its idOp before it counts as failed. */
const CREATION_GRACE_MS = 60_000;
/**
 * After its page expired, how long an attempt whose result PayFiP has not given yet still counts:
 * the family may have paid at the last minute and the notification been lost; the reconciliation
 * job (every minute) normally settles it well within this time.
 */
const RESULT_GRACE_MS = 30 * 60_000;

/**
 * The online payment still open for an invoice, if any: its page being created or still valid,
 * or expired with its result not known yet. Meanwhile the amount due must not change and no other
 * payment may start: the family could still pay (or have paid) there, and the invoice would be
 * paid twice. `until` is when it stops counting, barring a result.
 */
export async function openPayfipAttempt(tx: Db | Tx, invoiceId: string, now = Date.now()) {
  const pending = await tx.select().from(payfipAttempt).where(and(eq(payfipAttempt.invoiceId, invoiceId), eq(payfipAttempt.status, 'pending')));
  for (const a of pending) {
    const until = a.idOp ? new Date(a.expiresAt).getTime() + RESULT_GRACE_MS : new Date(a.createdAt).getTime() + CREATION_GRACE_MS;
    if (until > now) return { attempt: a, until, pageOpen: !!a.idOp && new Date(a.expiresAt).getTime() > now };
  }
  return null;
}

/** "HH:MM" (Paris time). */
export function parisTime(ms: number) {
  return new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(ms));
}

export interface StartedPayment {
  attemptId: string;
  idOp: string;
  paymentUrl: string;
}

/** Starts (or resumes) the online payment of one of the family's invoices. */
export async function startPayfipPayment(db: Db, env: Env, user: SessionUser, invoiceId: string, expectedCents: number, client = payfipClient(env)): Promise<StartedPayment> {
  const config = payfipConfig(env);
  const [inv] = user.familyId
    ? await db.select().from(invoice).where(and(eq(invoice.id, invoiceId), eq(invoice.familyId, user.familyId)))
    : [];
  if (!inv) throw notFound('Facture');

  // An attempt still open for this invoice: resume it (its page is still valid), or settle it first.
  const open = await db.select().from(payfipAttempt).where(and(eq(payfipAttempt.invoiceId, inv.id), eq(payfipAttempt.status, 'pending')));
  for (const attempt of open) {
    if (!attempt.idOp) {
      if (Date.now() - new Date(attempt.createdAt).getTime() < CREATION_GRACE_MS) {
        throw new ApiError(409, 'payment_in_progress', 'Un paiement de cette facture est déjà en cours de création. Patientez un instant.');
      }
      await markAttempt(db, attempt.id, 'error');
    } else if (new Date(attempt.expiresAt).getTime() > Date.now()) {
      const due = await invoiceDue(db, inv);
      if (due === attempt.amountCents) {
        if (due === expectedCents) return { attemptId: attempt.id, idOp: attempt.idOp, paymentUrl: pageUrl(config.paymentPageUrl, attempt.idOp) };
        throw new ApiError(409, 'amount_changed', 'Le montant à payer a changé depuis votre dernière synchronisation. Vérifiez-le avant de payer.');
      }
      // The amount changed while its page is open: never open a second page beside it.
      const settled = await settleAttempt(db, env, attempt.idOp, 'start', client);
      if (settled.status === 'pending') {
        throw new ApiError(409, 'payment_page_open', `Une page de paiement en ligne de cette facture est encore ouverte pour un autre montant. Terminez ou abandonnez ce paiement, ou réessayez après ${parisTime(new Date(attempt.expiresAt).getTime())}.`);
      }
    } else {
      // Expired: its result first (a payment made at the last minute must not be made twice).
      const settled = await settleAttempt(db, env, attempt.idOp, 'start', client);
      const open = settled.status === 'pending' ? await openPayfipAttempt(db, inv.id) : null;
      if (open && open.attempt.id === attempt.id) {
        throw new ApiError(409, 'payment_result_pending', `Le résultat d’un paiement en ligne de cette facture n’est pas encore connu. Réessayez après ${parisTime(open.until)}.`);
      }
    }
  }

  const due = await invoiceDue(db, inv);
  if (due <= 0) throw new ApiError(409, 'already_paid', 'Cette facture est déjà réglée.');
  if (due < PAYFIP_MIN_CENTS) {
    throw new ApiError(422, 'amount_below_minimum', 'Le paiement en ligne n’est possible qu’à partir de 1,00 € : réglez ce montant auprès du secrétariat.');
  }
  if (due !== expectedCents) {
    throw new ApiError(409, 'amount_changed', 'Le montant à payer a changé depuis votre dernière synchronisation. Vérifiez-le avant de payer.');
  }

  const [fam] = await db.select({ email: family.email }).from(family).where(eq(family.id, inv.familyId));
  const request = payfipRequestSchema.safeParse({
    exer: String(new Date().getFullYear()),
    mel: fam?.email || user.email,
    montant: due,
    numcli: config.numcli,
    objet: payfipObjet(`${inv.label} ${inv.number}`),
    refdet: inv.number,
    saisie: config.saisie,
    urlnotif: config.urlnotif,
    urlredirect: config.urlredirect,
  });
  if (!request.success) {
    logEvent('error', 'payfip request breaks the field rules', { invoice: inv.number, issues: request.error.issues.map((i) => i.message) });
    throw new ApiError(502, 'payfip_config', 'Le paiement en ligne n’est pas possible pour cette facture. Contactez le secrétariat.');
  }

  const attemptId = crypto.randomUUID();
  await writeTransaction(db, async (tx) => {
    // Checked again where writes are serialised: two clicks at once must not open two pages,
    // and the amount may have changed since it was read.
    if (await openPayfipAttempt(tx, inv.id)) {
      throw new ApiError(409, 'payment_in_progress', 'Un paiement de cette facture est déjà en cours de création. Patientez un instant.');
    }
    if ((await invoiceDue(tx, inv)) !== due) {
      throw new ApiError(409, 'amount_changed', 'Le montant à payer a changé depuis votre dernière synchronisation. Vérifiez-le avant de payer.');
    }
    const version = await nextVersion(tx);
    await tx.insert(payfipAttempt).values({
      id: attemptId, invoiceId: inv.id, familyId: inv.familyId, amountCents: due, status: 'pending',
      expiresAt: new Date(Date.now() + IDOP_LIFETIME_MS).toISOString(), version,
    });
  });

  let idOp: string;
  try {
    ({ idOp } = await client.creerPaiementSecurise({ ...request.data, montant: String(request.data.montant) }));
  } catch (error) {
    await markAttempt(db, attemptId, 'error');
    if (error instanceof PayfipFault) logEvent('error', 'payfip creerPaiementSecurise fault', { fault: error.fault });
    else logEvent('error', 'payfip creerPaiementSecurise failed', { error: (error as Error).message });
    throw new ApiError(502, 'payfip_unavailable', 'Le service de paiement en ligne ne répond pas. Réessayez plus tard.');
  }
  await writeTransaction(db, async (tx) => {
    const version = await nextVersion(tx);
    await tx.update(payfipAttempt).set({ idOp, expiresAt: new Date(Date.now() + IDOP_LIFETIME_MS).toISOString(), version }).where(eq(payfipAttempt.id, attemptId));
  });
  return { attemptId, idOp, paymentUrl: pageUrl(config.paymentPageUrl, idOp) };
}

function pageUrl(base: string, idOp: string) {
  const url = new URL(base);
  url.searchParams.set('idop', idOp);
  return url.toString();
}

async function markAttempt(db: Db, attemptId: string, status: PayfipStatus) {
  await writeTransaction(db, async (tx) => {
    const version = await nextVersion(tx);
    await tx.update(payfipAttempt).set({ status, version }).where(and(eq(payfipAttempt.id, attemptId), eq(payfipAttempt.status, 'pending')));
  });
}

export interface SettleResult {
  status: PayfipStatus | 'unknown';
  attemptId?: string;
  invoiceId?: string;
  familyId?: string;
  paymentId?: string | null;
}

/** DDMMYYYY + HHMM → ISO date and local date-time. */
function transactionTime(detail: PaymentDetail): { date: string; at: string } | null {
  const d = /^(\d{2})(\d{2})(\d{4})$/.exec(detail.dattrans);
  const h = /^(\d{2})(\d{2})$/.exec(detail.heurtrans);
  if (!d) return null;
  const date = `${d[3]}-${d[2]}-${d[1]}`;
  return { date, at: h ? `${date}T${h[1]}:${h[2]}` : date };
}

/** PayFiP's answers that mean "no result": P5 (not known yet: the family is on the page or left it), P1 (idOp unknown). */
const NO_RESULT_CODES = new Set(['P5', 'P1']);

type SettleSource = 'notification' | 'return' | 'reconciliation' | 'start';

/**
 * Which attempts may still receive a result: pending ones, and expired ones when PayFiP itself
 * tells us about them (a notification, the family's return): a payment made at the last second
 * must never be lost. The reconciliation job asks about pending ones only.
 */
const openToResult = (status: string, source: SettleSource) => status === 'pending' || (status === 'expired' && (source === 'notification' || source === 'return'));

/**
 * Reads the transaction's detail from PayFiP and records it, once. Safe to call any number of
 * times from the notification, the return page and the reconciliation job, concurrently too.
 * While the idOp is valid (`now` before its expiry) only a final result settles the attempt: P5,
 * P1 and an abandon (A: the family may come back to the page and pay) leave it pending. Once it
 * expired, P5 or P1 make it 'expired' and A 'abandoned'.
 */
export function settleAttempt(db: Db, env: Env, idOp: string, source: SettleSource, client = payfipClient(env), now = new Date()): Promise<SettleResult> {
  if (source !== 'notification' && source !== 'return') return settleOnce(db, env, idOp, source, client, now);
  // The notification and the return are asked for from outside (PayFiP's post, the family's
  // browser), as often as anyone sends them: while one is asking PayFiP about an idOp, the others
  // of the same kind wait for its answer rather than each asking too. At most one question per
  // idOp and kind is in flight from this process, whatever the rate of requests (docs/payfip.md).
  const key = `${source} ${idOp}`;
  const running = asking.get(key);
  if (running) return running;
  const settled = settleOnce(db, env, idOp, source, client, now).finally(() => asking.delete(key));
  asking.set(key, settled);
  return settled;
}

/** The notifications' and returns' questions to PayFiP in flight, by source and idOp. */
const asking = new Map<string, Promise<SettleResult>>();

async function settleOnce(db: Db, env: Env, idOp: string, source: SettleSource, client: PayfipClient, now: Date): Promise<SettleResult> {
  const [attempt] = await db.select().from(payfipAttempt).where(eq(payfipAttempt.idOp, idOp));
  if (!attempt) return { status: 'unknown' };
  const known = (a: typeof attempt): SettleResult => ({ status: a.status as PayfipStatus, attemptId: a.id, invoiceId: a.invoiceId, familyId: a.familyId, paymentId: a.paymentId });
  if (!openToResult(attempt.status, source)) return known(attempt);
  const idOpValid = new Date(attempt.expiresAt).getTime() > now.getTime();

  let detail: PaymentDetail;
  try {
    detail = await client.recupererDetailPaiementSecurise(idOp);
  } catch (error) {
    if (!(error instanceof PayfipFault) && !(error instanceof PayfipUnavailable)) throw error;
    // No result yet, or PayFiP unreachable: still pending while the idOp is valid (the job asks
    // again); expired once it is not and PayFiP says it has no result.
    if (idOpValid || attempt.status !== 'pending' || !(error instanceof PayfipFault) || !NO_RESULT_CODES.has(error.fault.code)) return known(attempt);
    return expireAttempt(db, attempt.id, idOp, error.fault.code, source, known);
  }
  const outcome = statusOfResultrans(detail.resultrans);
  if (!outcome) {
    logEvent('warn', 'payfip unknown resultrans, left pending', { idOp, resultrans: detail.resultrans, source });
    return known(attempt);
  }
  if (outcome === 'abandoned' && (idOpValid || attempt.status !== 'pending')) {
    // The family left the page but may come back to it while the idOp is valid: noted, not final.
    if (attempt.status === 'pending' && attempt.resultrans !== 'A') await noteResultrans(db, attempt.id, detail.resultrans);
    return known(attempt);
  }
  const config = payfipConfig(env);

  return writeTransaction(db, async (tx) => {
    const [current] = await tx.select().from(payfipAttempt).where(eq(payfipAttempt.id, attempt.id));
    if (!openToResult(current.status, source)) return known(current);
    if (current.status === 'expired') logEvent('warn', 'payfip result after the attempt expired, recorded', { idOp, resultrans: detail.resultrans, source });
    const [inv] = await tx.select().from(invoice).where(eq(invoice.id, current.invoiceId));
    const [fam] = await tx.select({ siteId: family.siteId }).from(family).where(eq(family.id, current.familyId));
    const version = await nextVersion(tx);
    const time = transactionTime(detail);
    const problems: string[] = [];
    if (outcome === 'paid') {
      if (detail.montant !== String(current.amountCents)) problems.push(`montant ${detail.montant} ≠ ${current.amountCents}`);
      if (detail.refdet !== inv.number) problems.push(`refdet ${detail.refdet} ≠ ${inv.number}`);
      if (detail.numcli !== config.numcli) problems.push(`numcli ${detail.numcli} ≠ ${config.numcli}`);
      if (detail.idOp && detail.idOp !== idOp) problems.push(`idOp ${detail.idOp} ≠ ${idOp}`);
      if (!time) problems.push(`dattrans ${detail.dattrans}`);
    }
    if (problems.length) {
      // Never recorded as paid: the secretariat sees the attempt as 'mismatch' and the audit log says why.
      await tx.update(payfipAttempt).set({ status: 'mismatch', resultrans: detail.resultrans, numauto: detail.numauto || null, version }).where(eq(payfipAttempt.id, current.id));
      await tx.insert(auditLog).values({
        actorUserId: null, action: 'payfip.mismatch', targetKind: 'payfip_attempt', targetId: current.id, familyId: current.familyId, siteId: fam?.siteId ?? null,
        details: { idOp, invoiceNumber: inv.number, expectedCents: current.amountCents, received: detail, problems, source },
      });
      logEvent('warn', 'payfip result refused', { idOp, invoice: inv.number, problems });
      return { status: 'mismatch' as const, attemptId: current.id, invoiceId: current.invoiceId, familyId: current.familyId, paymentId: null };
    }
    let paymentId: string | null = null;
    if (outcome === 'paid') {
      paymentId = crypto.randomUUID();
      await tx.insert(payment).values({
        id: paymentId, familyId: current.familyId, invoiceId: current.invoiceId, date: time!.date, mode: 'payfip',
        operationNumber: detail.numauto, label: PAYFIP_PAYMENT_LABEL, amountCents: current.amountCents, schoolYear: inv.schoolYear, version,
      });
    }
    await tx
      .update(payfipAttempt)
      .set({ status: outcome, resultrans: detail.resultrans, numauto: detail.numauto || null, paidAt: outcome === 'paid' ? time!.at : null, paymentId, version })
      .where(and(eq(payfipAttempt.id, current.id), eq(payfipAttempt.status, current.status)));
    await tx.insert(auditLog).values({
      actorUserId: null, action: `payfip.${outcome}`, targetKind: 'payfip_attempt', targetId: current.id, familyId: current.familyId, siteId: fam?.siteId ?? null,
      details: { idOp, invoiceNumber: inv.number, resultrans: detail.resultrans, numauto: detail.numauto, amountCents: current.amountCents, source, ...(current.status === 'expired' ? { afterExpiry: true } : {}) },
    });
    return { status: outcome, attemptId: current.id, invoiceId: current.invoiceId, familyId: current.familyId, paymentId };
  });
}

/** A pending attempt whose idOp expired without a result (PayFiP answered P5 or P1): 'expired', logged. */
async function expireAttempt(db: Db, attemptId: string, idOp: string, code: string, source: SettleSource, known: (a: typeof payfipAttempt.$inferSelect) => SettleResult) {
  return writeTransaction(db, async (tx) => {
    const [current] = await tx.select().from(payfipAttempt).where(eq(payfipAttempt.id, attemptId));
    if (current.status !== 'pending') return known(current);
    const version = await nextVersion(tx);
    await tx.update(payfipAttempt).set({ status: 'expired', version }).where(and(eq(payfipAttempt.id, attemptId), eq(payfipAttempt.status, 'pending')));
    const [fam] = await tx.select({ siteId: family.siteId }).from(family).where(eq(family.id, current.familyId));
    await tx.insert(auditLog).values({
      actorUserId: null, action: 'payfip.expired', targetKind: 'payfip_attempt', targetId: attemptId, familyId: current.familyId, siteId: fam?.siteId ?? null,
      details: { idOp, code, source },
    });
    return known({ ...current, status: 'expired', version });
  });
}

/** Keeps PayFiP's latest non-final answer (A) on a pending attempt, so the return page can say it. */
async function noteResultrans(db: Db, attemptId: string, resultrans: string) {
  await writeTransaction(db, async (tx) => {
    const version = await nextVersion(tx);
    await tx.update(payfipAttempt).set({ resultrans, version }).where(and(eq(payfipAttempt.id, attemptId), eq(payfipAttempt.status, 'pending')));
  });
}

/**
 * The reconciliation job: asks PayFiP about every attempt still pending after its idOp expired
 * (its notification was lost, or the family never came back). Returns how many it settled.
 * `keepLease`, asked before each attempt, ends the run when this process no longer holds the job's
 * lease (server/payfip/reconcile.ts): a long run never overlaps another process's.
 */
export async function reconcilePayfip(db: Db, env: Env, opts: { now?: Date; client?: PayfipClient; keepLease?: () => Promise<boolean> } = {}): Promise<{ checked: number; settled: number }> {
  const now = (opts.now ?? new Date()).toISOString();
  const client = opts.client ?? payfipClient(env);
  const stale = await db.select().from(payfipAttempt).where(and(eq(payfipAttempt.status, 'pending'), lt(payfipAttempt.expiresAt, now)));
  let settled = 0;
  for (const attempt of stale) {
    if (opts.keepLease && !(await opts.keepLease())) break;
    if (!attempt.idOp) {
      await markAttempt(db, attempt.id, 'error');
      settled++;
      continue;
    }
    const result = await settleAttempt(db, env, attempt.idOp, 'reconciliation', client, opts.now);
    if (result.status !== 'pending') settled++;
  }
  return { checked: stale.length, settled };
}
