import { amountDueCents } from '../../../shared/billing.ts';
import { schoolYearOf } from '../../../shared/school-year.ts';
import { db } from '../../data/db.ts';

/** The family's home screen: its record, students, this year's enrollments and what it owes. */
export async function familyHome() {
  const year = schoolYearOf(new Date());
  const [family, students, enrollments, invoices, payments, discounts] = await Promise.all([
    db.families.toCollection().first(),
    db.students.orderBy('lastName').toArray(),
    db.enrollments.where('schoolYear').equals(year).toArray(),
    db.invoices.toArray(),
    db.payments.toArray(),
    db.discounts.toArray(),
  ]);
  return { family, students, enrollments, due: amountDueCents(invoices, payments, discounts) };
}

/** The family's students by first name (the "Élèves" list). */
export async function studentsByFirstName() {
  return (await db.students.toArray()).sort((a, b) => a.firstName.localeCompare(b.firstName) || a.lastName.localeCompare(b.lastName));
}
