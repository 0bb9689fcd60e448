import { discount, invoice, invoiceLine, payment } from '../schema/index.ts';
import { idOf, schoolDate, schoolYearAt, type SeedContext, type YearOffset } from './demo-context.ts';

interface LineSeed {
  label: string;
  student?: string;
  unitCents: number;
  quantity?: number;
}

interface InvoiceSeed {
  family: string;
  year: YearOffset;
  /** Digits after "FACT<first year>": FACT2026 + "0412" → FACT20260412. */
  serial: string;
  day: string;
  dueDay: string;
  period: string;
  lines: LineSeed[];
  payments?: { day: string; mode: 'payfip' | 'cheque' | 'cash' | 'direct_debit'; operationNumber: string; label: string; amountCents: number }[];
  discounts?: { day: string; label: string; amountCents: number }[];
}

const REGISTRATION_FEE: LineSeed = { label: "Frais d'inscription annuels (famille)", unitCents: 3500 };

/**
 * The Lefèvre family pays everything but the current year's second-term invoice
 * (FACT2026…0877, 184,00 €), which is what "amount due" shows on its billing page.
 */
const INVOICES: InvoiceSeed[] = [
  {
    family: 'lefevre', year: -1, serial: '1207', day: '10-15', dueDay: '11-15', period: '1er trimestre',
    lines: [
      { label: 'Hugo Lefèvre — Piano 1C3, FM 1C3, Chorale 1er cycle', student: 'hugo', unitCents: 6200 },
      { label: 'Manon Lefèvre — Violon 2C2, FM 2C2, Orchestre à cordes', student: 'manon', unitCents: 7600 },
      REGISTRATION_FEE,
    ],
    payments: [{ day: '10-28', mode: 'cheque', operationNumber: '4521873', label: 'Chèque n° 4521873', amountCents: 17300 }],
  },
  {
    family: 'lefevre', year: -1, serial: '3418', day: '01-12', dueDay: '02-12', period: '2e et 3e trimestres',
    lines: [
      { label: 'Hugo Lefèvre — Piano 1C3, FM 1C3, Chorale 1er cycle', student: 'hugo', unitCents: 6200, quantity: 2 },
      { label: 'Manon Lefèvre — Violon 2C2, FM 2C2, Orchestre à cordes', student: 'manon', unitCents: 7600, quantity: 2 },
    ],
    payments: [{ day: '01-20', mode: 'payfip', operationNumber: '9F3K27QX81', label: 'Paiement en ligne PayFiP', amountCents: 27600 }],
  },
  {
    family: 'lefevre', year: 0, serial: '0412', day: '10-05', dueDay: '11-05', period: '1er trimestre',
    lines: [
      { label: 'Lucie Lefèvre — Éveil musical, FM 1C1 A', student: 'lucie', unitCents: 4200 },
      { label: 'Hugo Lefèvre — Piano 1C4, FM 1C4 A, Chorale 1er cycle', student: 'hugo', unitCents: 6400 },
      { label: 'Manon Lefèvre — Violon 2C3, FM 2C3, Orchestre à cordes', student: 'manon', unitCents: 7800 },
      REGISTRATION_FEE,
    ],
    discounts: [{ day: '10-05', label: 'Réduction famille nombreuse', amountCents: 3000 }],
    payments: [{ day: '11-05', mode: 'direct_debit', operationNumber: 'PRLV-0412-01', label: 'Prélèvement automatique', amountCents: 18900 }],
  },
  {
    family: 'lefevre', year: 0, serial: '0877', day: '11-20', dueDay: '12-20', period: '2e trimestre',
    lines: [
      { label: 'Lucie Lefèvre — Éveil musical, FM 1C1 A', student: 'lucie', unitCents: 4200 },
      { label: 'Hugo Lefèvre — Piano 1C4, FM 1C4 A, Chorale 1er cycle', student: 'hugo', unitCents: 6400 },
      { label: 'Manon Lefèvre — Violon 2C3, FM 2C3, Orchestre à cordes', student: 'manon', unitCents: 7800 },
    ],
  },
  {
    family: 'martin', year: 0, serial: '0415', day: '10-05', dueDay: '11-05', period: '1er trimestre',
    lines: [{ label: 'Théo Martin — FM 1C3, Chorale 1er cycle', student: 'theo', unitCents: 3600 }, REGISTRATION_FEE],
    payments: [{ day: '10-21', mode: 'cheque', operationNumber: '3318420', label: 'Chèque n° 3318420', amountCents: 7100 }],
  },
  {
    family: 'garnier', year: 0, serial: '0501', day: '10-06', dueDay: '11-06', period: '1er trimestre',
    lines: [{ label: 'Inès Garnier — Piano 1C3, FM 1C3', student: 'ines', unitCents: 5400 }, REGISTRATION_FEE],
    payments: [{ day: '10-12', mode: 'payfip', operationNumber: 'A7D2M4P9Q1', label: 'Paiement en ligne PayFiP', amountCents: 8900 }],
  },
];

/** Invoices with their lines, and the payments and discounts set against them. */
export async function seedBilling(ctx: SeedContext): Promise<void> {
  const { tx, version } = ctx;
  const invoices = [];
  const lines = [];
  const payments = [];
  const discounts = [];

  for (const inv of INVOICES) {
    const id = crypto.randomUUID();
    const familyId = idOf(ctx, `family:${inv.family}`);
    const schoolYear = schoolYearAt(ctx, inv.year);
    const invoiceLines = inv.lines.map((l, i) => {
      const quantity = l.quantity ?? 1;
      return {
        id: crypto.randomUUID(),
        invoiceId: id,
        position: i + 1,
        label: l.label,
        studentId: l.student ? idOf(ctx, `student:${l.student}`) : null,
        quantity,
        unitCents: l.unitCents,
        amountCents: l.unitCents * quantity,
        version,
      };
    });
    const amountCents = invoiceLines.reduce((sum, l) => sum + l.amountCents, 0);
    const settledCents = [...(inv.payments ?? []), ...(inv.discounts ?? [])].reduce((sum, p) => sum + p.amountCents, 0);
    if (settledCents > amountCents) throw new Error(`demo seed: invoice ${inv.serial} is overpaid`);

    invoices.push({
      id,
      familyId,
      number: `FACT${ctx.startYear + inv.year}${inv.serial}`,
      date: schoolDate(ctx, inv.year, inv.day),
      dueDate: schoolDate(ctx, inv.year, inv.dueDay),
      schoolYear,
      label: `Cotisation ${schoolYear} — ${inv.period}`,
      amountCents,
      version,
    });
    lines.push(...invoiceLines);
    for (const p of inv.payments ?? []) {
      payments.push({
        id: crypto.randomUUID(), familyId, invoiceId: id, schoolYear, date: schoolDate(ctx, inv.year, p.day),
        mode: p.mode, operationNumber: p.operationNumber, label: p.label, amountCents: p.amountCents, version,
      });
    }
    for (const d of inv.discounts ?? []) {
      discounts.push({
        id: crypto.randomUUID(), familyId, invoiceId: id, schoolYear, date: schoolDate(ctx, inv.year, d.day),
        label: d.label, amountCents: d.amountCents, version,
      });
    }
  }

  await tx.insert(invoice).values(invoices);
  await tx.insert(invoiceLine).values(lines);
  await tx.insert(payment).values(payments);
  await tx.insert(discount).values(discounts);
}
