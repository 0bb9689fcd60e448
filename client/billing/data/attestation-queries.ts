import { localToday } from '../../../shared/lesson-dates.ts';
import { schoolYearOf } from '../../../shared/school-year.ts';
import { db } from '../../data/db.ts';
import { studentCourses } from '../../pedagogy/data/pedagogy-queries.ts';
import { buildEnrolmentAttestation, buildPaymentAttestation, type EnrolmentAttestation, type PaymentAttestation } from './attestation-builders.ts';

/**
 * The attestations read from the device (so they work offline): the family's payments of a
 * school year, a student's courses of the current one. Read through LiveQueryController, whose
 * value stays undefined until the first pull has landed: an empty new device never makes an
 * empty attestation.
 */

/** The family's identity and its site (the attestations' two parties). */
export async function attestationParties() {
  const [family, sites] = await Promise.all([db.families.toCollection().first(), db.sites.toArray()]);
  return { family, site: sites.find((s) => s.id === family?.siteId) ?? sites[0] };
}

/** The payment attestation of `schoolYear` ("2026/2027"). */
export async function paymentAttestation(schoolYear: string): Promise<PaymentAttestation> {
  const [parties, payments, invoices] = await Promise.all([attestationParties(), db.payments.toArray(), db.invoices.toArray()]);
  return buildPaymentAttestation({ ...parties, schoolYear, payments, invoices, madeOn: localToday() });
}

/** A student's enrolment attestation for the current school year; null for a student not on this device. */
export async function enrolmentAttestation(studentId: string): Promise<EnrolmentAttestation | null> {
  const schoolYear = schoolYearOf(new Date());
  const [{ student, rows }, { site }] = await Promise.all([studentCourses(studentId, schoolYear), attestationParties()]);
  if (!student) return null;
  return buildEnrolmentAttestation({ schoolYear, site, student, rows, madeOn: localToday() });
}
