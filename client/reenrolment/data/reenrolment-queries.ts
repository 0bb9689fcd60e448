import { consentsDue, nearestCampaign, openCampaign, parisDay, reenrolmentState } from '../../../shared/reenrolment-progress.ts';
import { CONSENT_MUTATIONS, REENROLMENT_MUTATIONS } from '../../../shared/reenrolment-mutations.ts';
import { schoolYearOf } from '../../../shared/school-year.ts';
import { db } from '../../data/db.ts';
import { rejections } from '../../data/outbox.ts';
import type { ConsentKind, Family, ReenrolmentCampaign, Student } from '../../data/records.ts';
import { consentKey, localAnswers, type LocalAnswer, type LocalConsent } from './reenrolment-local.ts';

export interface ReenrolmentStudent {
  student: Student;
  /** This year's courses ("continuer" keeps them). */
  courses: string[];
  answer?: LocalAnswer;
}

export interface ConsentQuestion {
  kind: ConsentKind;
  /** null: for the family. */
  student: Student | null;
  answer?: LocalConsent;
  /** Answered to an earlier wording: to answer again. */
  outdated: boolean;
}

export type ReenrolmentPage =
  | { open: false; nearest?: { campaign: ReenrolmentCampaign; when: 'next' | 'last' } }
  | {
      open: true;
      campaign: ReenrolmentCampaign;
      family?: Family;
      students: ReenrolmentStudent[];
      confirmed: boolean;
      confirmQueued: boolean;
      consents: ConsentQuestion[];
      done: boolean;
      studentsToAnswer: number;
      consentsToAnswer: number;
      /** Answers the server refused for good after they left this device (shown, then dismissed). */
      refusals: Array<{ mutationId: number; message: string }>;
    };

const NAMES: string[] = [REENROLMENT_MUTATIONS.answer, REENROLMENT_MUTATIONS.confirm, CONSENT_MUTATIONS.answer];

/** `/famille/reinscription`: the open campaign of the family's site and everything it asks, from the device. */
export async function reenrolmentPage(now: Date = new Date()): Promise<ReenrolmentPage> {
  const day = parisDay(now);
  const campaigns = await db.reenrolmentCampaigns.toArray();
  const campaign = openCampaign(campaigns, day);
  if (!campaign) return { open: false, nearest: nearestCampaign(campaigns, day) };

  const year = schoolYearOf(now);
  const [family, students, enrollments, courses, kinds, local, refused] = await Promise.all([
    db.families.toCollection().first(),
    db.students.toArray(),
    db.enrollments.where('schoolYear').equals(year).toArray(),
    db.courses.toArray(),
    db.consentKinds.orderBy('position').toArray(),
    localAnswers(campaign.id),
    rejections(),
  ]);
  students.sort((a, b) => a.firstName.localeCompare(b.firstName));
  const courseName = new Map(courses.map((c) => [c.id, c.name]));
  const active = kinds.filter((k) => k.active);
  const consents = [...local.consents.values()];
  const due = consentsDue(
    students.map((s) => s.id),
    active,
    consents,
  );
  const state = reenrolmentState({ studentIds: students.map((s) => s.id), answeredStudentIds: local.answers.keys(), confirmed: local.confirmed, kinds: active, consents });
  return {
    open: true,
    campaign,
    family,
    students: students.map((student) => ({
      student,
      courses: enrollments.filter((e) => e.studentId === student.id && e.active).map((e) => courseName.get(e.courseId) ?? ''),
      answer: local.answers.get(student.id),
    })),
    confirmed: local.confirmed,
    confirmQueued: local.confirmQueued,
    consents: active.flatMap((kind) =>
      (kind.scope === 'student' ? students : [null]).map((student) => {
        const answer = local.consents.get(consentKey(kind.id, student?.id ?? null));
        return { kind, student, answer, outdated: due.some((d) => d.kindId === kind.id && d.studentId === (student?.id ?? null) && d.reason === 'outdated') };
      }),
    ),
    done: state.state === 'done',
    studentsToAnswer: state.studentsToAnswer,
    consentsToAnswer: state.consentsToAnswer,
    refusals: refused.filter((r) => NAMES.includes(r.name)).map((r) => ({ mutationId: r.mutationId, message: r.error.message })),
  };
}
