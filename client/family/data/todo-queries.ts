import { schoolYearOf } from '../../../shared/school-year.ts';
import { db } from '../../data/db.ts';
import { cancelledLessons, localDay } from './teacher-absence-queries.ts';
import { reenrolmentTodo, type ReenrolmentTodo } from '../../reenrolment/data/reenrolment-status.ts';
import { buildTodo, type TodoItem } from './todo-builders.ts';

/**
 * The home page's "À faire" list, read from the device (offline too) inside a live query, so it
 * follows every pull and local edit (client/family/data/todo-builders.ts decides what is listed).
 */
export async function homeTodo(reenrolment: () => Promise<ReenrolmentTodo | null> = () => reenrolmentTodo(), now = new Date()): Promise<TodoItem[]> {
  const schoolYear = schoolYearOf(now);
  const [students, enrollments, invoices, payments, discounts, documentKinds, documents, uploads, changeRequests, cancelled, reenrolmentState] = await Promise.all([
    db.students.toArray(),
    db.enrollments.where('schoolYear').equals(schoolYear).toArray(),
    db.invoices.toArray(),
    db.payments.toArray(),
    db.discounts.toArray(),
    db.documentKinds.toArray(),
    db.documents.toArray(),
    db.pendingUploads.toArray(),
    db.changeRequests.toArray(),
    cancelledLessons({}, now),
    reenrolment(),
  ]);
  return buildTodo({
    today: localDay(now),
    schoolYear,
    students,
    enrollments: enrollments.filter((e) => e.active),
    invoices,
    payments,
    discounts,
    documentKinds,
    documents,
    // A refused upload waits for the family to remove it: it does not count as sent.
    queuedUploads: uploads.filter((u) => !u.error).map((u) => ({ kindId: u.kindId, studentId: u.studentId })),
    changeRequests,
    cancelledLessons: cancelled,
    reenrolment: reenrolmentState,
  });
}
