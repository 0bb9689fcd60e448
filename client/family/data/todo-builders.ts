import { unpaidInvoices, type CreditLike } from '../../../shared/billing.ts';
import type { ChangeRequest, DocumentKind, DocumentRecord, Enrollment, Invoice, Student } from '../../data/records.ts';
import type { ReenrolmentTodo } from '../../reenrolment/data/reenrolment-status.ts';
import type { CancelledLesson } from './teacher-absence-queries.ts';

/**
 * One thing that needs the family's action on the home page's "À faire" list (issue 18, item 1).
 * The words are the screen's (client/i18n/todo-messages.ts); here only what they say and where
 * the link goes.
 */
export type TodoItem =
  | { kind: 'payment'; href: string; invoiceNumber: string; dueCents: number; dueDate: string; late: boolean }
  | { kind: 'document'; href: string; label: string; studentName: string | null; refused: boolean }
  | { kind: 'refusedChange'; href: string; who: string | null; reviewedAt: string }
  | { kind: 'reenrolment'; href: string; closesOn: string | null }
  | { kind: 'consents'; href: string; count: number }
  | { kind: 'cancelledLesson'; href: string; date: string; courseName: string; students: string[] };


export interface TodoInput {
  /** "YYYY-MM-DD", the device's day. */
  today: string;
  schoolYear: string;
  students: Student[];
  /** This school year's enrollments (a cancelled lesson links to its course sheet). */
  enrollments: Enrollment[];
  invoices: Invoice[];
  payments: CreditLike[];
  discounts: CreditLike[];
  documentKinds: DocumentKind[];
  documents: DocumentRecord[];
  /** Kinds (with the student, null for the family) of documents chosen on this device and not sent yet. */
  queuedUploads: Array<{ kindId: string; studentId: string | null }>;
  changeRequests: ChangeRequest[];
  cancelledLessons: CancelledLesson[];
  reenrolment: ReenrolmentTodo | null;
}

/** A refused change stays on the list this many days after the secretariat's answer. */
export const REFUSED_CHANGE_DAYS = 30;
/** Lessons cancelled within this many days are listed (the home page's notice lists them all). */
export const CANCELLED_LESSON_DAYS = 14;

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The family's to-do list, in the order a family would act: what is late or closes soon first
 * (payments by due date, the re-enrolment and its consents), then what the secretariat waits for
 * (documents), what it answered (refused changes), and what is coming (cancelled lessons).
 */
export function buildTodo(input: TodoInput): TodoItem[] {
  const items: TodoItem[] = [];
  const { today } = input;

  const unpaid = unpaidInvoices(input.invoices, input.payments, input.discounts).sort((a, b) => a.invoice.dueDate.localeCompare(b.invoice.dueDate));
  for (const { invoice, dueCents } of unpaid) {
    items.push({
      kind: 'payment',
      href: `/famille/facturation/factures/${invoice.id}`,
      invoiceNumber: invoice.number,
      dueCents,
      dueDate: invoice.dueDate,
      late: invoice.dueDate < today,
    });
  }

  // Consents are answered on the re-enrolment's page, open with a campaign only.
  const r = input.reenrolment;
  if (r?.campaignOpen) {
    if (!r.done) items.push({ kind: 'reenrolment', href: '/famille/reinscription', closesOn: r.closesOn ?? null });
    if (r.consentsToAnswer > 0) items.push({ kind: 'consents', href: '/famille/reinscription', count: r.consentsToAnswer });
  }

  items.push(...missingDocuments(input));
  items.push(...refusedChanges(input));

  const horizon = addDays(today, CANCELLED_LESSON_DAYS);
  for (const lesson of input.cancelledLessons) {
    if (lesson.date < today || lesson.date > horizon) continue;
    const enrollment = input.enrollments.find((e) => e.courseId === lesson.courseId);
    if (!enrollment) continue;
    items.push({ kind: 'cancelledLesson', href: `/eleves/${enrollment.studentId}/cours/${lesson.courseId}`, date: lesson.date, courseName: lesson.courseName, students: lesson.students });
  }
  return items;
}

/**
 * Each kind the site asks for every year, for the family or for each student: listed when this
 * school year has no document of it received or accepted, and none waits on this device to be
 * sent. A refused one says so (the family has to send another).
 */
function missingDocuments(input: TodoInput): TodoItem[] {
  const items: TodoItem[] = [];
  const thisYear = input.documents.filter((d) => d.schoolYear === input.schoolYear);
  const kinds = input.documentKinds.filter((k) => k.active && k.requiredEachYear).sort((a, b) => a.label.localeCompare(b.label));
  const owners = (kind: DocumentKind): Array<Student | null> => (kind.owner === 'family' ? [null] : input.students);
  for (const kind of kinds) {
    for (const student of owners(kind)) {
      const studentId = student?.id ?? null;
      const mine = thisYear.filter((d) => d.kindId === kind.id && (d.studentId ?? null) === studentId);
      if (mine.some((d) => d.status === 'received' || d.status === 'accepted')) continue;
      if (input.queuedUploads.some((u) => u.kindId === kind.id && u.studentId === studentId)) continue;
      items.push({
        kind: 'document',
        href: student ? `/eleves/${student.id}/documents` : '/famille/documents',
        label: kind.label,
        studentName: student ? `${student.firstName} ${student.lastName}` : null,
        refused: mine.some((d) => d.status === 'rejected'),
      });
    }
  }
  return items;
}

/**
 * Changes the secretariat refused (all or some fields) in the last REFUSED_CHANGE_DAYS days,
 * unless a newer request of the same record waits or was approved: the family looks at the
 * reasons on the record's page.
 */
function refusedChanges(input: TodoInput): TodoItem[] {
  const since = addDays(input.today, -REFUSED_CHANGE_DAYS);
  const latest = new Map<string, ChangeRequest>();
  for (const request of input.changeRequests) {
    const known = latest.get(request.targetId);
    if (!known || request.version > known.version) latest.set(request.targetId, request);
  }
  const items: TodoItem[] = [];
  for (const request of latest.values()) {
    const refused = Object.values(request.fields).some((f) => f.status === 'rejected');
    if (!refused || !request.reviewedAt || request.reviewedAt.slice(0, 10) < since) continue;
    const student = request.targetKind === 'student' ? input.students.find((s) => s.id === request.targetId) : undefined;
    if (request.targetKind === 'student' && !student) continue;
    items.push({
      kind: 'refusedChange',
      href: student ? `/eleves/${student.id}` : '/famille',
      who: student ? `${student.firstName} ${student.lastName}` : null,
      reviewedAt: request.reviewedAt,
    });
  }
  return items.sort((a, b) => (a.kind === 'refusedChange' && b.kind === 'refusedChange' ? b.reviewedAt.localeCompare(a.reviewedAt) : 0));
}
