import type { accessibilityFr } from './accessibility-messages.ts';
import type { billingFr } from './billing-messages.ts';
import type { calendarFr } from './calendar-messages.ts';
import type { contactsFr } from './contacts-messages.ts';
import type { coursesFr } from './courses-messages.ts';
import type { deskAccountsFr } from './desk-accounts-messages.ts';
import type { deskTeachingFr } from './desk-teaching-messages.ts';
import type { documentsFr } from './documents-messages.ts';
import type { familyFr } from './family-messages.ts';
import type { pedagogyFr } from './pedagogy-messages.ts';
import type { preregistrationFr } from './preregistration-messages.ts';
import type { recordsFr } from './records-messages.ts';
import type { reenrolmentFr } from './reenrolment-messages.ts';
import type { teacherFr } from './teacher-messages.ts';
import type { teachingFr } from './teaching-messages.ts';
import type { todoFr } from './todo-messages.ts';
import type { validationFr } from './validation-messages.ts';

/**
 * The French messages of every screen but the first ones (sign-in, lost password, the shell), one
 * catalogue per area, each loaded on its own when a page that needs it is first opened
 * (client/app/routes.ts names them per route, client/app/po-app.ts loads them before the page
 * renders). One import per area, so each is a chunk of its own: the family's home does not
 * download the teacher's or the secretariat's words. The service worker precaches every chunk,
 * so they load offline too.
 */
export const MESSAGE_AREAS = {
  accessibility: () => import('./accessibility-messages.ts').then((m) => m.accessibilityFr),
  billing: () => import('./billing-messages.ts').then((m) => m.billingFr),
  calendar: () => import('./calendar-messages.ts').then((m) => m.calendarFr),
  contacts: () => import('./contacts-messages.ts').then((m) => m.contactsFr),
  courses: () => import('./courses-messages.ts').then((m) => m.coursesFr),
  'desk-accounts': () => import('./desk-accounts-messages.ts').then((m) => m.deskAccountsFr),
  'desk-teaching': () => import('./desk-teaching-messages.ts').then((m) => m.deskTeachingFr),
  documents: () => import('./documents-messages.ts').then((m) => m.documentsFr),
  family: () => import('./family-messages.ts').then((m) => m.familyFr),
  pedagogy: () => import('./pedagogy-messages.ts').then((m) => m.pedagogyFr),
  preregistration: () => import('./preregistration-messages.ts').then((m) => m.preregistrationFr),
  records: () => import('./records-messages.ts').then((m) => m.recordsFr),
  reenrolment: () => import('./reenrolment-messages.ts').then((m) => m.reenrolmentFr),
  teacher: () => import('./teacher-messages.ts').then((m) => m.teacherFr),
  teaching: () => import('./teaching-messages.ts').then((m) => m.teachingFr),
  todo: () => import('./todo-messages.ts').then((m) => m.todoFr),
  // Form errors: listed by every page with a form but the sign-in page, which loads them on its
  // first submit (client/app/routes.ts, `validationOnSubmit`).
  validation: () => import('./validation-messages.ts').then((m) => m.validationFr),
} as const;

export type MessageArea = keyof typeof MESSAGE_AREAS;

/** Every area's keys (types only: nothing is loaded by naming them). */
export type AreasFr = typeof accessibilityFr & typeof billingFr & typeof calendarFr & typeof contactsFr & typeof coursesFr &
  typeof deskAccountsFr & typeof deskTeachingFr & typeof documentsFr & typeof familyFr & typeof pedagogyFr &
  typeof preregistrationFr & typeof recordsFr & typeof reenrolmentFr & typeof teacherFr & typeof teachingFr & typeof todoFr & typeof validationFr;
