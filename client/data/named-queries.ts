import { attestationParties, enrolmentAttestation, paymentAttestation } from '../billing/data/attestation-queries.ts';
import { familyBilling, invoiceSheet } from '../billing/data/billing-queries.ts';
import { calendarWeek } from '../calendar/data/calendar-queries.ts';
import { storedFeedLink } from '../calendar/data/feed-link-store.ts';
import { teacherCourseEvents } from '../calendar/data/teacher-course-events.ts';
import { familyDocuments, studentDocuments } from '../documents/data/document-queries.ts';
import { courseNotices, noticeChoices } from '../family/data/absence-notice-queries.ts';
import { studentContacts } from '../family/data/emergency-contact-queries.ts';
import { familyHome, studentsByFirstName } from '../family/data/family-queries.ts';
import { familyIdentity, studentIdentity } from '../family/data/identity-queries.ts';
import { cancelledLessons } from '../family/data/teacher-absence-queries.ts';
import { homeTodo } from '../family/data/todo-queries.ts';
import {
  courseSheet, familyStudents, historyEntry, homeWeek, repertoireEntry, studentCourses, studentHistory, studentRepertoire,
} from '../pedagogy/data/pedagogy-queries.ts';
import { reenrolmentPage } from '../reenrolment/data/reenrolment-queries.ts';
import { teacherAbsences, rollCallSheet, teacherCourse, teacherHome } from '../teacher/data/teacher-queries.ts';
import { courseEvaluation, courseEvaluations, studentRecords } from '../teacher/data/teacher-record-queries.ts';
import { deviceLoaded, menuStudents, reenrolmentOpenToday, signedInFamilies } from './shell-reads.ts';

/**
 * Every query a screen shows, by name: what a page's `LiveQueryController` asks for, run as a
 * live query in the data worker (client/data/pull-worker.ts), or on the page where there is none.
 * A name and arguments cross a MessagePort where a function cannot; each query's arguments and
 * result must survive structured cloning (plain objects, arrays, Dates, Maps: no functions, no
 * class instances), which the page's own runs check by cloning too (client/data/query-client.ts).
 */
export const namedQueries = {
  attestationParties, enrolmentAttestation, paymentAttestation,
  familyBilling, invoiceSheet,
  calendarWeek, storedFeedLink, teacherCourseEvents,
  familyDocuments, studentDocuments,
  courseNotices, noticeChoices, studentContacts, familyHome, studentsByFirstName, familyIdentity, studentIdentity,
  cancelledLessons, homeTodo,
  courseSheet, familyStudents, historyEntry, homeWeek, repertoireEntry, studentCourses, studentHistory, studentRepertoire,
  reenrolmentPage,
  teacherAbsences, rollCallSheet, teacherCourse, teacherHome, courseEvaluation, courseEvaluations, studentRecords,
  deviceLoaded, menuStudents, reenrolmentOpenToday, signedInFamilies,
};

type NamedQueries = typeof namedQueries;
export type QueryName = keyof NamedQueries;
export type QueryArgs<N extends QueryName> = Parameters<NamedQueries[N]>;
export type QueryResult<N extends QueryName> = Awaited<ReturnType<NamedQueries[N]>>;
