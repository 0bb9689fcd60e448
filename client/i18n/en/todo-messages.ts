import type { todoFr } from '../todo-messages.ts';

export const todoEn: Record<keyof typeof todoFr, string> = {
  'todo.title': 'To do',
  'todo.empty': 'Nothing to do for now.',
  'todo.count': '{count} thing(s) to do',
  'todo.changed': 'The “To do” list has changed: {count} thing(s) to do.',
  'todo.changedEmpty': 'The “To do” list has changed: nothing to do for now.',
  'todo.payment': 'Pay invoice {number}: {amount}, by {date}',
  'todo.paymentLate': 'Pay invoice {number}: {amount}, overdue since {date}',
  'todo.reenrolment': 'Re-enrol for next year, by {date}',
  'todo.reenrolmentNoDate': 'Re-enrol for next year',
  'todo.consents': 'Answer the consents ({count})',
  'todo.document': 'Send: {label}',
  'todo.documentStudent': 'Send for {student}: {label}',
  'todo.documentRefused': 'Send a new document, the previous one was refused: {label}',
  'todo.documentRefusedStudent': 'Send a new document for {student}, the previous one was refused: {label}',
  'todo.refusedFamily': 'See the refused change to your details (answered on {date})',
  'todo.refusedStudent': 'See the refused change to {student}’s record (answered on {date})',
  'todo.cancelledLesson': 'Lesson cancelled on {date}: {course} ({students})',
};
