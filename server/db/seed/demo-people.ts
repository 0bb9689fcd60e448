import {
  absence,
  enrollment,
  evaluation,
  family,
  followUpNote,
  repertoireEntry,
  student,
} from '../schema/index.ts';
import type { SiteKey } from './demo-catalogue.ts';
import {
  birthDate,
  idOf,
  monthYearFr,
  newId,
  schoolDate,
  schoolYearAt,
  type SeedContext,
  type YearOffset,
} from './demo-context.ts';
import { courseTeacherKey, teacherName } from './demo-teaching.ts';

/** Days are "MM-DD" inside the enrollment's school year (see `schoolDate`). */
export interface NoteSeed {
  day: string;
  text: string;
}

export interface EvaluationSeed {
  day: string;
  kind: string;
  mark?: string;
  appreciation?: string;
  comment?: string;
}

export interface AbsenceSeed {
  day: string;
  excused: boolean;
  reason?: string;
}

export interface EnrollmentSeed {
  year: YearOffset;
  course: string;
  yearComment?: string;
  notes?: NoteSeed[];
  evaluations?: EvaluationSeed[];
  absences?: AbsenceSeed[];
}

export interface RepertoireSeed {
  year: YearOffset;
  day: string;
  /** The event without its date: " — <month> <year>" is added from the day. */
  event: string;
  eventKind: 'audition' | 'examen' | 'concert';
  piece: string;
  composer: string;
  durationMinutes: number;
  comments: string;
}

export interface Contact {
  address: string;
  postalCode: string;
  city: string;
  phoneHome: string;
  phoneWork: string;
  mobile: string;
  email: string;
}

export interface StudentSeed {
  key: string;
  civility: 'M.' | 'Mme';
  firstName: string;
  /** Defaults to the family's last name. */
  lastName?: string;
  /** Age reached during the first calendar year of the current school year. */
  age: number;
  birthDay: string;
  birthPlace: string;
  school: string;
  schoolLevel: string;
  /** Set when the student does not use the family's contact details. */
  ownContact?: Contact;
  enrollments: EnrollmentSeed[];
  repertoire?: RepertoireSeed[];
}

export interface FamilySeed extends Contact {
  key: string;
  site: SiteKey;
  civility: 'M.' | 'Mme';
  firstName: string;
  lastName: string;
  smsOptIn: boolean;
  students: StudentSeed[];
}

const EMPTY_CONTACT: Contact = { address: '', postalCode: '', city: '', phoneHome: '', phoneWork: '', mobile: '', email: '' };

/** Families, their students, enrollments and everything recorded against them. */
export async function seedPeople(ctx: SeedContext, families: readonly FamilySeed[]): Promise<void> {
  const { tx, version } = ctx;

  await tx.insert(family).values(
    families.map(({ key, site, students: _students, ...identity }) => ({
      id: newId(ctx, `family:${key}`),
      siteId: idOf(ctx, `site:${site}`),
      ...identity,
      version,
    })),
  );

  const students = families.flatMap((f) => f.students.map((s) => ({ family: f, s })));
  await tx.insert(student).values(
    students.map(({ family: f, s }) => ({
      id: newId(ctx, `student:${s.key}`),
      familyId: idOf(ctx, `family:${f.key}`),
      civility: s.civility,
      lastName: s.lastName ?? f.lastName,
      firstName: s.firstName,
      birthDate: birthDate(ctx, s.age, s.birthDay),
      birthPlace: s.birthPlace,
      useFamilyContact: !s.ownContact,
      ...(s.ownContact ?? EMPTY_CONTACT),
      school: s.school,
      schoolLevel: s.schoolLevel,
      version,
    })),
  );

  const enrollments = students.flatMap(({ s }) => s.enrollments.map((e) => ({ s, e })));
  await tx.insert(enrollment).values(
    enrollments.map(({ s, e }) => ({
      id: newId(ctx, `enrollment:${s.key}:${e.year}:${e.course}`),
      studentId: idOf(ctx, `student:${s.key}`),
      courseId: idOf(ctx, `course:${e.year}:${e.course}`),
      schoolYear: schoolYearAt(ctx, e.year),
      active: true,
      yearComment: e.yearComment ?? '',
      version,
    })),
  );

  const perEnrollment = enrollments.map(({ s, e }) => ({
    e,
    enrollmentId: idOf(ctx, `enrollment:${s.key}:${e.year}:${e.course}`),
    teacherKey: courseTeacherKey(e.course),
  }));

  const notes = perEnrollment.flatMap(({ e, enrollmentId, teacherKey }) =>
    (e.notes ?? []).map((n) => ({
      id: crypto.randomUUID(),
      enrollmentId,
      date: schoolDate(ctx, e.year, n.day),
      teacherId: idOf(ctx, `teacher:${teacherKey}`),
      text: n.text,
      version,
    })),
  );
  if (notes.length) await tx.insert(followUpNote).values(notes);

  const evaluations = perEnrollment.flatMap(({ e, enrollmentId, teacherKey }) =>
    (e.evaluations ?? []).map((v) => ({
      id: crypto.randomUUID(),
      enrollmentId,
      date: schoolDate(ctx, e.year, v.day),
      kind: v.kind,
      mark: v.mark ?? '',
      appreciation: v.appreciation ?? '',
      comment: v.comment ?? '',
      teacherId: idOf(ctx, `teacher:${teacherKey}`),
      version,
    })),
  );
  if (evaluations.length) await tx.insert(evaluation).values(evaluations);

  const absences = perEnrollment.flatMap(({ e, enrollmentId, teacherKey }) =>
    (e.absences ?? []).map((a) => {
      const date = schoolDate(ctx, e.year, a.day);
      return {
        id: crypto.randomUUID(),
        enrollmentId,
        date,
        excused: a.excused,
        reason: a.reason ?? '',
        recordedBy: teacherName(teacherKey),
        createdAt: `${date}T19:00:00.000Z`,
        version,
      };
    }),
  );
  if (absences.length) await tx.insert(absence).values(absences);

  const repertoire = students.flatMap(({ s }) =>
    (s.repertoire ?? []).map((r) => {
      const date = schoolDate(ctx, r.year, r.day);
      return {
        id: crypto.randomUUID(),
        studentId: idOf(ctx, `student:${s.key}`),
        date,
        eventLabel: `${r.event} — ${monthYearFr(date)}`,
        eventKind: r.eventKind,
        piece: r.piece,
        composer: r.composer,
        durationMinutes: r.durationMinutes,
        comments: r.comments,
        version,
      };
    }),
  );
  if (repertoire.length) await tx.insert(repertoireEntry).values(repertoire);
}
