import type { Course, Family, Invoice, Payment, Site, Student, Teacher } from '../../data/records.ts';

/**
 * The attestations as documents: pure functions from the device's rows to what the HTML view and
 * the PDF both show, so the two never disagree and the content is tested without a browser's
 * storage. Amounts stay integer cents and dates ISO; each view formats them in its own language.
 */

export interface PaymentAttestation {
  schoolYear: string;
  site: Site | undefined;
  family: Family | undefined;
  /** Received payments of the year, oldest first. */
  payments: Array<{ id: string; date: string; amountCents: number; mode: string; invoiceNumber: string }>;
  totalCents: number;
  /** The day it was made ("YYYY-MM-DD"). */
  madeOn: string;
}

export interface EnrolmentAttestation {
  schoolYear: string;
  site: Site | undefined;
  student: { id: string; name: string; birthDate: string };
  /** Active enrolments of the year, in the rows' order (the pedagogy queries give the timetable's). */
  courses: Array<{ id: string; discipline: string; teacher: string; weekday: number | null; startTime: string | null; durationMinutes: number | null }>;
  madeOn: string;
}

/**
 * A payment counts once it is received: a positive amount dated today or earlier (a direct debit
 * scheduled for later is not money received yet; a zero or a correction is no payment).
 */
function received(p: Payment, madeOn: string): boolean {
  return p.amountCents > 0 && p.date <= madeOn;
}

export function buildPaymentAttestation(input: {
  schoolYear: string;
  site: Site | undefined;
  family: Family | undefined;
  payments: Payment[];
  invoices: Invoice[];
  madeOn: string;
}): PaymentAttestation {
  const numbers = new Map(input.invoices.map((i) => [i.id, i.number]));
  const payments = input.payments
    .filter((p) => p.schoolYear === input.schoolYear && received(p, input.madeOn))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((p) => ({ id: p.id, date: p.date, amountCents: p.amountCents, mode: p.mode, invoiceNumber: (p.invoiceId && numbers.get(p.invoiceId)) || '' }));
  return {
    schoolYear: input.schoolYear,
    site: input.site,
    family: input.family,
    payments,
    totalCents: payments.reduce((sum, p) => sum + p.amountCents, 0),
    madeOn: input.madeOn,
  };
}

/** One enrolment with its course and teacher (the pedagogy queries' CourseRow fits). */
export interface EnrolledCourse {
  enrollment: { schoolYear: string; active: boolean };
  course: Course;
  teacher: Teacher | undefined;
}

const teacherName = (t: Teacher | undefined) => (t ? `${t.civility} ${t.firstName} ${t.lastName}`.trim() : '');

export function buildEnrolmentAttestation(input: {
  schoolYear: string;
  site: Site | undefined;
  student: Student;
  rows: EnrolledCourse[];
  madeOn: string;
}): EnrolmentAttestation {
  const s = input.student;
  const courses = input.rows
    .filter((r) => r.enrollment.active && r.enrollment.schoolYear === input.schoolYear)
    .map(({ course, teacher }) => ({
      id: course.id,
      discipline: course.name,
      teacher: teacherName(teacher),
      weekday: course.weekday,
      startTime: course.startTime,
      durationMinutes: course.durationMinutes,
    }));
  return {
    schoolYear: input.schoolYear,
    site: input.site,
    student: { id: s.id, name: `${s.firstName} ${s.lastName}`, birthDate: s.birthDate },
    courses,
    madeOn: input.madeOn,
  };
}

/**
 * "jeudi à 17:00, 45 min" in the caller's language: `message` is t or tFr, `dayName` the matching
 * weekday formatter (the screen's or French for the PDF). Empty for a course with no set day.
 */
export function slotText(
  c: EnrolmentAttestation['courses'][number],
  message: (key: 'attestation.slot' | 'attestation.slotDuration', params: Record<string, string | number>) => string,
  dayName: (weekday: number) => string,
): string {
  if (!c.weekday) return '';
  const day = dayName(c.weekday);
  const time = c.startTime ?? '';
  return c.durationMinutes ? message('attestation.slotDuration', { day, time, minutes: c.durationMinutes }) : message('attestation.slot', { day, time });
}
