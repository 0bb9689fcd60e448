import { z } from 'zod';
import { DESK_PAYMENT_MODES, PAYFIP_MIN_CENTS } from './billing.ts';
import { SCHOOL_YEAR_PATTERN } from './school-year.ts';
import { isoDate, required } from './schema-parts.ts';
import { vmsg, type FieldName } from './validation-messages.ts';

/**
 * Payloads of the billing endpoints (secretariat and family) and the PayFiP field rules, checked
 * by the browser before sending and by the server again. Messages are made by `vmsg(code, params)`
 * (shared/validation-messages.ts): French for the server, in the person's language in the browser.
 */
const MAX_CENTS = 10_000_000; // 100 000,00 €

/** Parses an amount typed in euros ("184", "184,5", "1 234,50", "12.50") into integer cents. */
export function parseEurosToCents(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f€]/g, '');
  const m = /^(\d{1,7})(?:[,.](\d{1,2}))?$/.exec(clean);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** An amount typed in euros by the secretariat, turned into cents (> 0). */
const euros = (field: FieldName) =>
  required(field).transform((value, ctx) => {
    const cents = parseEurosToCents(value);
    if (cents === null) {
      ctx.addIssue({ code: 'custom', message: vmsg('euros', { field }) });
      return z.NEVER;
    }
    if (cents <= 0 || cents > MAX_CENTS) {
      ctx.addIssue({ code: 'custom', message: vmsg('eurosRange', { field }) });
      return z.NEVER;
    }
    return cents;
  });

export const invoiceLineSchema = z.object({
  label: required('lineLabel').max(200, { error: vmsg('lineLabelTooLong', { max: 200 }) }),
  studentId: z.string().trim().max(100).optional().transform((v) => v || null),
  quantity: z.coerce.number({ error: vmsg('quantityInteger') }).int({ error: vmsg('quantityInteger') })
    .min(1, { error: vmsg('quantityMin', { min: 1 }) }).max(99, { error: vmsg('quantityMax', { max: 99 }) }),
  unitPrice: euros('unitPrice'),
});

/** An invoice made by the secretariat: the number is given by the server. */
export const createInvoiceSchema = z
  .object({
    familyId: required('familyId'),
    schoolYear: required('schoolYear').regex(SCHOOL_YEAR_PATTERN, { error: vmsg('schoolYear') })
      .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, { error: vmsg('schoolYear') }),
    label: required('invoiceLabel').max(200, { error: vmsg('invoiceLabelTooLong', { max: 200 }) }),
    date: isoDate('date'),
    dueDate: isoDate('dueDate'),
    lines: z.array(invoiceLineSchema, { error: vmsg('linesMissing') }).min(1, { error: vmsg('linesMissing') }).max(30),
  })
  .superRefine((v, ctx) => {
    if (v.dueDate < v.date) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: vmsg('dueBeforeDate') });
    // An invoice must stay payable online, whose ceiling is PayFiP's.
    const total = v.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
    if (total > MAX_CENTS) ctx.addIssue({ code: 'custom', path: ['lines'], message: vmsg('invoiceTotalTooHigh') });
  });

/** A payment received at the desk (chèque, espèces, prélèvement), set against one invoice. */
export const deskPaymentSchema = z.object({
  invoiceId: required('invoiceId'),
  mode: z.enum(DESK_PAYMENT_MODES, { error: vmsg('paymentMode') }),
  date: isoDate('date'),
  amount: euros('amount'),
  operationNumber: z.string().trim().max(40, { error: vmsg('operationNumberTooLong', { max: 40 }) }).default(''),
});

/** A discount (remise) granted on one invoice. */
export const discountSchema = z.object({
  invoiceId: required('invoiceId'),
  date: isoDate('date'),
  label: required('discountReason').max(200, { error: vmsg('discountReasonTooLong', { max: 200 }) }),
  amount: euros('amount'),
});

/** The family starts an online payment of what it saw due: the server checks it still is. */
export const startPayfipSchema = z.object({
  amountCents: z.number({ error: vmsg('amountMissing') }).int().positive().max(MAX_CENTS),
});

/** The family's return page asks the server to record the result of its transaction. */
export const payfipReturnSchema = z.object({
  idop: z.string().trim().min(1, { error: vmsg('paymentIdMissing') }).max(64),
});

/* --------------------------------------------- PayFiP ------------------------------------------ */

/**
 * PayFiP's field rules (docs/payfip.md), checked before every creerPaiementSecurise; the simulator
 * refuses what they refuse. As the other public clients do (eopayment's payfip_ws, Odoo's
 * module): `objet` keeps letters, digits and spaces only, `refdet` is 6 to 30 letters or digits.
 */
export const PAYFIP_RULES = {
  numcli: /^\d{6}$/,
  refdet: /^[A-Za-z0-9]{6,30}$/,
  /** ≤ 100 ASCII letters, digits and spaces. */
  objet: /^[A-Za-z0-9 ]{0,100}$/,
  exer: /^\d{4}$/,
  saisie: /^[TXW]$/,
} as const;

export const payfipRequestSchema = z.object({
  exer: z.string().regex(PAYFIP_RULES.exer, { error: 'exer : une année sur 4 chiffres.' }),
  mel: z.email({ error: 'mel : une adresse e-mail valide.' }).max(80),
  montant: z.number().int({ error: 'montant : un nombre entier de centimes.' }).min(PAYFIP_MIN_CENTS, { error: 'montant : 1,00 € au moins.' }).max(MAX_CENTS),
  numcli: z.string().regex(PAYFIP_RULES.numcli, { error: 'numcli : 6 chiffres.' }),
  objet: z.string().regex(PAYFIP_RULES.objet, { error: 'objet : 100 lettres, chiffres ou espaces au plus.' }),
  refdet: z.string().regex(PAYFIP_RULES.refdet, { error: 'refdet : 6 à 30 lettres ou chiffres.' }),
  saisie: z.enum(['T', 'X', 'W'], { error: 'saisie : T, X ou W.' }),
  urlnotif: z.url({ error: 'urlnotif : une URL.' }).max(250),
  urlredirect: z.url({ error: 'urlredirect : une URL.' }).max(250),
});

const MAX_OBJET_SOURCE = 2_000;

/** Letters that Unicode does not decompose into a base letter and an accent. */
const LIGATURES: Record<string, string> = { Œ: 'OE', œ: 'oe', Æ: 'AE', æ: 'ae', ß: 'ss', Ø: 'O', ø: 'o', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd' };

/**
 * An `objet` PayFiP accepts: accents removed, every other character but ASCII letters and digits
 * dropped (punctuation becomes a word break), spaces collapsed, at most 100 characters, cut
 * between words when it can.
 */
export function payfipObjet(text: string): string {
  // Bounded before any work: 100 characters are kept, and 2,000 leave room for accents and
  // punctuation that the cleaning removes (invoice labels are 200 at most).
  const words = text
    .slice(0, MAX_OBJET_SOURCE)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ŒœÆæßØøŁłĐđ]/g, (c) => LIGATURES[c])
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim();
  if (words.length <= 100) return words;
  const cut = words.slice(0, 101);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > 0 ? cut.slice(0, lastSpace) : cut.slice(0, 100)).trim();
}

/**
 * The idop PayFiP sends to urlnotif and with the browser to urlredirect: `idop` (documented) or
 * `idOp` (seen in the wild), an identifier of letters, digits and dashes (a UUID in practice).
 * Both routes need no session, so anything else is refused before it is used or logged.
 */
export const payfipNotificationSchema = z
  .object({ idop: z.string().trim().max(64).optional(), idOp: z.string().trim().max(64).optional() })
  .transform((v) => v.idop || v.idOp || '')
  .pipe(z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'idop manquant ou invalide.' }));
