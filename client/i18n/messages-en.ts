import { authEn } from './en/auth-messages.ts';
import { accessibilityEn } from './en/accessibility-messages.ts';
import { billingEn } from './en/billing-messages.ts';
import { familyEn } from './en/family-messages.ts';
import { pedagogyEn } from './en/pedagogy-messages.ts';
import { recordsEn } from './en/records-messages.ts';
import { documentsEn } from './en/documents-messages.ts';
import { validationEn } from './en/validation-messages.ts';
import { coursesEn } from './en/courses-messages.ts';
import { teacherEn } from './en/teacher-messages.ts';
import { teachingEn } from './en/teaching-messages.ts';
import { deskTeachingEn } from './en/desk-teaching-messages.ts';
import { preregistrationEn } from './en/preregistration-messages.ts';
import { deskAccountsEn } from './en/desk-accounts-messages.ts';
import { shellEn } from './en/shell-messages.ts';
import { storageEn } from './en/storage-messages.ts';
import { calendarEn } from './en/calendar-messages.ts';
import { reenrolmentEn } from './en/reenrolment-messages.ts';
import { contactsEn } from './en/contacts-messages.ts';
import { todoEn } from './en/todo-messages.ts';
import type { MessageKey } from './messages-fr.ts';

/** English messages; a key missing here falls back to French. */
export const en: Partial<Record<MessageKey, string>> & Record<string, string> = {
  ...authEn,
  ...accessibilityEn,
  ...familyEn,
  ...pedagogyEn,
  ...recordsEn,
  ...documentsEn,
  ...billingEn,
  ...validationEn,
  ...coursesEn,
  ...teacherEn,
  ...teachingEn,
  ...deskTeachingEn,
  ...preregistrationEn,
  ...deskAccountsEn,
  ...shellEn,
  ...storageEn,
  ...calendarEn,
  ...reenrolmentEn,
  ...contactsEn,
  ...todoEn,
  'app.name': 'Portée',
  'shell.skip': 'Skip to content',
  'shell.menu': 'Main menu',
  'shell.menuButton': 'Menu',
  'shell.home': 'Home',
  'shell.family': 'Family',
  'shell.students': 'Students',
  'shell.accessibility': 'Accessibility',
  'shell.password': 'Password',
  'shell.signOut': 'Sign out',
  'shell.admin': 'Office',
  'shell.teacher': 'My classes',
  'shell.calendar': 'Calendar',
  'shell.reenrolment': 'Re-enrolment',
  'shell.teacherAbsences': 'My absences',
  'shell.language': 'Language',
  'shell.signedInAs': 'Signed in: {name}',
  'a11y.toggle': 'Accessibility mode',
  'status.online': 'Online',
  'status.offline': 'Offline',
  'status.pending': '{count} change(s) waiting to be sent',
  'status.lastSync': 'Last synchronised: {when}',
  'status.neverSynced': 'Not synchronised yet',
  'status.syncing': 'Synchronising…',
  'update.available': 'A new version is available',
  'update.reload': 'Reload',
  'idle.title': 'Your session is about to end',
  'idle.text': 'Unless you act, you will be signed out in {seconds} seconds to protect your data.',
  'idle.extend': 'Extend the session',
  'idle.signOut': 'Sign me out',
  'idle.expired': 'Your session ended after 30 minutes without activity. Please sign in again.',
  'signOut.pendingTitle': 'Some changes have not been sent yet',
  'signOut.pendingText': '{count} change(s) are waiting for the network. If you sign out now, they will be lost.',
  'signOut.wait': 'Wait for the network',
  'signOut.anyway': 'Sign out anyway',
  'page.notFound': 'Page not found',
  'page.notFoundText': 'This address matches no page of Portée.',
  'page.backHome': 'Back to the home page',
  'page.loadFailed': 'Page not loaded',
  'page.loadFailedText': 'This page could not be downloaded: the network connection seems to be down. Check it, then try again.',
  'page.retry': 'Try again',
  'page.forbidden': 'Access denied',
  'page.forbiddenText': 'This page is for another kind of account.',
  'common.back': 'Back',
  'common.loading': 'Loading…',
  'sync.firstPull': 'Synchronising…',
  'sync.notDownloaded': 'This information has not been downloaded to this device yet. It will show after the first synchronisation, as soon as the connection is back.',
  'common.errorSummary': 'The form has {count} error(s):',
  'common.offlineAction': 'This needs a network connection. Try again once online.',
};
