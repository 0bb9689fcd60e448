import { z } from 'zod';
import { DESK_PAYMENT_MODES } from './billing.ts';
import { SCHOOL_YEAR_PATTERN } from './school-year.ts';

/**
 * Payloads of the billing endpoints (secretariat and family) and the PayFiP field rules, checked
 * by the browser before sending and by the server again. Messages are French, shown as they are.
 */
const required = (label: string) =>
  z.string({ error: `Le champ « ${label} » est obligatoire.` }).trim().min(1, { error: `Le champ « ${label} » est obligatoire.` });

const isoDate = (label: string) =>
  required(label).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `Le champ « ${label} » doit être une date, par exemple 2026-11-28.` })
    .refine((v) => !Number.isNaN(new Date(v + 'T12:00:00Z').getTime()) && new Date(v + 'T12:00:00Z').toISOString().startsWith(v), {
      error: `Le champ « ${label} » n'est pas une date valide.`,
    })
    .refine((v) => v >= '2000-01-01' && v <= '2099-12-31', { error: `Le champ « ${label} » doit être une date entre 2000 et 2099.` });

const MAX_CENTS = 10_000_000; // 100 000,00 €

/** Parses an amount typed in euros ("184", "184,5", "1 234,50", "12.50") into integer cents. */
export function parseEurosToCents(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f€]/g, '');
  const m = /^(\d{1,7})(?:[,.](\d{1,2}))?$/.exec(clean);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** An amount typed in euros by the secretariat, turned into cents (> 0). */
const euros = (label: string) =>
  required(label).transform((value, ctx) => {
    const cents = parseEurosToCents(value);
    if (cents === null) {
      ctx.addIssue({ code: 'custom', message: `Le champ « ${label} » doit être un montant en euros, par exemple 42,50.` });
      return z.NEVER;
    }
    if (cents <= 0 || cents > MAX_CENTS) {
      ctx.addIssue({ code: 'custom', message: `Le champ « ${label} » doit être compris entre 0,01 € et 100 000,00 €.` });
      return z.NEVER;
    }
    return cents;
  });

export const invoiceLineSchema = z.object({
  label: required('Libellé de la ligne').max(200, { error: 'Le libellé d’une ligne ne doit pas dépasser 200 caractères.' }),
  studentId: z.string().trim().max(100).optional().transform((v) => v || null),
  quantity: z.coerce.number({ error: 'La quantité doit être un nombre entier.' }).int({ error: 'La quantité doit être un nombre entier.' })
    .min(1, { error: 'La quantité doit être au moins 1.' }).max(99, { error: 'La quantité ne doit pas dépasser 99.' }),
  unitPrice: euros('Prix unitaire'),
});

/** An invoice made by the secretariat: the number is given by the server. */
export const createInvoiceSchema = z
  .object({
    familyId: required('Famille'),
    schoolYear: required('Année scolaire').regex(SCHOOL_YEAR_PATTERN, { error: 'L’année scolaire s’écrit par exemple 2026/2027.' })
      .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, { error: 'L’année scolaire s’écrit par exemple 2026/2027.' }),
    label: required('Libellé').max(200, { error: 'Le libellé ne doit pas dépasser 200 caractères.' }),
    date: isoDate('Date'),
    dueDate: isoDate('Échéance'),
    lines: z.array(invoiceLineSchema, { error: 'Ajoutez au moins une ligne.' }).min(1, { error: 'Ajoutez au moins une ligne.' }).max(30),
  })
  .superRefine((v, ctx) => {
    if (v.dueDate < v.date) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'L’échéance ne peut pas précéder la date de la facture.' });
    // An invoice must stay payable online, whose ceiling is PayFiP's.
    const total = v.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
    if (total > MAX_CENTS) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Le total de la facture ne doit pas dépasser 100 000,00 €.' });
  });

/** A payment received at the desk (chèque, espèces, prélèvement), set against one invoice. */
export const deskPaymentSchema = z.object({
  invoiceId: required('Facture'),
  mode: z.enum(DESK_PAYMENT_MODES, { error: 'Choisissez un mode de règlement : chèque, espèces ou prélèvement.' }),
  date: isoDate('Date'),
  amount: euros('Montant'),
  operationNumber: z.string().trim().max(40, { error: 'Le numéro d’opération ne doit pas dépasser 40 caractères.' }).default(''),
});

/** A discount (remise) granted on one invoice. */
export const discountSchema = z.object({
  invoiceId: required('Facture'),
  date: isoDate('Date'),
  label: required('Motif').max(200, { error: 'Le motif ne doit pas dépasser 200 caractères.' }),
  amount: euros('Montant'),
});

/** The family starts an online payment of what it saw due: the server checks it still is. */
export const startPayfipSchema = z.object({
  amountCents: z.number({ error: 'Montant manquant.' }).int().positive().max(MAX_CENTS),
});

/** The family's return page asks the server to record the result of its transaction. */
export const payfipReturnSchema = z.object({
  idop: z.string().trim().min(1, { error: 'Identifiant de paiement manquant.' }).max(64),
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

/** PayFiP refuses a payment below 1,00 €: such an amount is paid at the desk. */
export const PAYFIP_MIN_CENTS = 100;

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

/** Letters that Unicode does not decompose into a base letter and an accent. */
const LIGATURES: Record<string, string> = { Œ: 'OE', œ: 'oe', Æ: 'AE', æ: 'ae', ß: 'ss', Ø: 'O', ø: 'o', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd' };

/**
 * An `objet` PayFiP accepts: accents removed, every other character but ASCII letters and digits
 * dropped (punctuation becomes a word break), spaces collapsed, at most 100 characters, cut
 * between words when it can.
 */
export function payfipObjet(text: string): string {
  const words = text
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

/** The notification PayFiP POSTs to urlnotif: `idop` (documented) or `idOp` (seen in the wild). */
export const payfipNotificationSchema = z
  .object({ idop: z.string().trim().max(64).optional(), idOp: z.string().trim().max(64).optional() })
  .transform((v) => v.idop || v.idOp || '')
  .pipe(z.string().min(1, { error: 'idop manquant.' }));
