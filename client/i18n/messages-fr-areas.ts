import { billingFr } from './billing-messages.ts';
import { familyFr } from './family-messages.ts';
import { pedagogyFr } from './pedagogy-messages.ts';
import { recordsFr } from './records-messages.ts';
import { documentsFr } from './documents-messages.ts';
import { coursesFr } from './courses-messages.ts';
import { teacherFr } from './teacher-messages.ts';
import { teachingFr } from './teaching-messages.ts';
import { deskTeachingFr } from './desk-teaching-messages.ts';
import { preregistrationFr } from './preregistration-messages.ts';
import { deskAccountsFr } from './desk-accounts-messages.ts';
import { calendarFr } from './calendar-messages.ts';
import { reenrolmentFr } from './reenrolment-messages.ts';
import { contactsFr } from './contacts-messages.ts';
import { todoFr } from './todo-messages.ts';

/**
 * The French messages of every screen but the first ones (sign-in, lost password, the shell):
 * loaded with the first page that needs them (client/app/po-app.ts), so the sign-in page does
 * not download the whole catalogue. messages-fr.ts holds the rest and the key type.
 */
export const areasFr = {
  ...familyFr,
  ...pedagogyFr,
  ...recordsFr,
  ...documentsFr,
  ...billingFr,
  ...coursesFr,
  ...teacherFr,
  ...teachingFr,
  ...deskTeachingFr,
  ...preregistrationFr,
  ...deskAccountsFr,
  ...calendarFr,
  ...reenrolmentFr,
  ...contactsFr,
  ...todoFr,
} as const;
