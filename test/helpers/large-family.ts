import { hashPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import * as s from '../../server/db/schema/index.ts';
import { nextVersion } from '../../server/db/versioning.ts';
import { schoolYearOf, shiftSchoolYear } from '../../shared/school-year.ts';

/**
 * A large family (issue 15, item 4): five students with eleven school years of history each
 * (this one and ten earlier), on the Mantes site, with its own account, so a test or a bench can
 * sign in as it on a fresh device and time its first sync. Per year: three courses, each student
 * enrolled in all three, with notes, evaluations and absences per enrollment, repertoire, one
 * invoice (a line per student) and its payment, and document metadata (one per student and one
 * for the family). The demo accounts are left untouched.
 */
export const LARGE_FAMILY = {
  username: 'famille.nombreuse',
  password: 'Portee-demo-2026',
  lastName: 'Rameau',
  firstNames: ['Anaïs', 'Basile', 'Capucine', 'Dorian', 'Éloïse'],
  years: 11,
} as const;

const COURSES_PER_YEAR = 3;
const PER_ENROLLMENT = { notes: 3, evaluations: 3, absences: 2 };
const REPERTOIRE_PER_YEAR = 2;

export type LargeFamilyCounts = Record<'students' | 'courses' | 'enrollments' | 'notes' | 'evaluations' | 'absences' | 'repertoire' | 'invoices' | 'documents', number>;

/** Writes the family into `db` (a demo-seeded database), stamped with one new version; returns what it wrote. */
export async function seedLargeFamily(db: Db): Promise<LargeFamilyCounts> {
  const [demo] = await db.select().from(s.user).where(eq(s.user.username, 'famille.demo'));
  const siteId = demo.siteId;
  const [teacher] = await db.select().from(s.teacher).where(eq(s.teacher.siteId, siteId)).limit(1);
  const [room] = await db.select().from(s.room).where(eq(s.room.siteId, siteId)).limit(1);
  const [department] = await db.select().from(s.department).where(eq(s.department.siteId, siteId)).limit(1);
  const [studentKind] = await db.select().from(s.documentKind).where(and(eq(s.documentKind.siteId, siteId), eq(s.documentKind.owner, 'student'))).limit(1);
  const [familyKind] = await db.select().from(s.documentKind).where(and(eq(s.documentKind.siteId, siteId), eq(s.documentKind.owner, 'family'))).limit(1);
  // scrypt is slow by design: hashed before the write transaction opens.
  const passwordHash = await hashPassword(LARGE_FAMILY.password);
  const current = schoolYearOf(new Date());
  const counts: LargeFamilyCounts = { students: 0, courses: 0, enrollments: 0, notes: 0, evaluations: 0, absences: 0, repertoire: 0, invoices: 0, documents: 0 };

  await db.transaction(async (tx) => {
    const version = await nextVersion(tx);
    const [family] = await tx.insert(s.family).values({
      siteId, civility: 'Mme', lastName: LARGE_FAMILY.lastName, firstName: 'Hélène', address: '3 rue des Écoles', postalCode: '78200',
      city: 'Mantes-la-Jolie', mobile: '0600000015', email: 'famille.nombreuse@example.org', version,
    }).returning();
    const at = new Date();
    const userId = `user:${LARGE_FAMILY.username}`;
    await tx.insert(s.user).values({
      id: userId, name: `Hélène ${LARGE_FAMILY.lastName}`, email: 'famille.nombreuse@example.org', emailVerified: true, createdAt: at, updatedAt: at,
      username: LARGE_FAMILY.username, displayUsername: LARGE_FAMILY.username, role: 'family', siteId, familyId: family.id,
    });
    await tx.insert(s.account).values({ id: crypto.randomUUID(), accountId: userId, providerId: 'credential', userId, password: passwordHash, createdAt: at, updatedAt: at });

    const years = Array.from({ length: LARGE_FAMILY.years }, (_, y) => shiftSchoolYear(current, -y));
    const courseIds = new Map<string, string[]>();
    for (const [y, year] of years.entries()) {
      const ids: string[] = [];
      for (let c = 0; c < COURSES_PER_YEAR; c++) {
        const [course] = await tx.insert(s.course).values({
          siteId, schoolYear: year, name: `${['Piano', 'Formation musicale', 'Orchestre'][c]} ${year}`, departmentId: department.id, teacherId: teacher.id,
          roomId: room.id, cycle: `${1 + (y % 3)}C${1 + c}`, weekday: 1 + c, startTime: '17:00', durationMinutes: 45 + 15 * c, version,
        }).returning();
        ids.push(course.id);
        counts.courses++;
      }
      courseIds.set(year, ids);
    }

    const studentIds: string[] = [];
    for (const [i, firstName] of LARGE_FAMILY.firstNames.entries()) {
      const [student] = await tx.insert(s.student).values({
        familyId: family.id, lastName: LARGE_FAMILY.lastName, firstName, birthDate: `20${10 + i}-03-0${1 + i}`, version,
      }).returning();
      studentIds.push(student.id);
      counts.students++;
      for (const [y, year] of years.entries()) {
        const start = Number(year.slice(0, 4));
        for (const courseId of courseIds.get(year)!) {
          const [enrollment] = await tx.insert(s.enrollment).values({
            studentId: student.id, courseId, schoolYear: year, yearComment: y ? 'Bonne année de travail, passage accordé. '.repeat(3) : '', version,
          }).returning();
          counts.enrollments++;
          for (let k = 0; k < PER_ENROLLMENT.notes; k++) {
            await tx.insert(s.followUpNote).values({ enrollmentId: enrollment.id, date: `${start}-1${k}-0${k + 2}`, teacherId: teacher.id, text: 'Travail régulier, attention au rythme dans les passages rapides. '.repeat(2), version });
            counts.notes++;
          }
          for (let k = 0; k < PER_ENROLLMENT.evaluations; k++) {
            await tx.insert(s.evaluation).values({ enrollmentId: enrollment.id, date: `${start + 1}-0${k + 1}-1${k}`, kind: 'Contrôle continu', mark: `${12 + k}/20`, comment: 'Progrès nets, lecture solide.', teacherId: teacher.id, version });
            counts.evaluations++;
          }
          for (let k = 0; k < PER_ENROLLMENT.absences; k++) {
            await tx.insert(s.absence).values({ enrollmentId: enrollment.id, date: `${start + 1}-0${k + 3}-0${k + 4}`, excused: k === 0, reason: k === 0 ? 'Malade' : '', version });
            counts.absences++;
          }
        }
        for (let k = 0; k < REPERTOIRE_PER_YEAR; k++) {
          await tx.insert(s.repertoireEntry).values({
            studentId: student.id, date: `${start + 1}-0${k + 5}-1${k}`, eventLabel: `Audition ${year}`, piece: `Pièce ${k + 1}`, composer: 'Compositeur', durationMinutes: 3, comments: 'Belle sonorité. '.repeat(4), version,
          });
          counts.repertoire++;
        }
        if (studentKind) {
          await tx.insert(s.document).values(documentRow(family.id, student.id, studentKind.id, year, `certificat-${i + 1}-${start}.pdf`, version));
          counts.documents++;
        }
      }
    }

    for (const year of years) {
      const start = Number(year.slice(0, 4));
      const amount = 18_400;
      const [invoice] = await tx.insert(s.invoice).values({
        familyId: family.id, number: `NOMB-${start}-001`, date: `${start}-10-01`, dueDate: `${start}-10-31`, schoolYear: year,
        label: `Cotisations ${year}`, amountCents: amount * studentIds.length, version,
      }).returning();
      counts.invoices++;
      for (const [position, studentId] of studentIds.entries()) {
        await tx.insert(s.invoiceLine).values({ invoiceId: invoice.id, position, label: `Cotisation ${LARGE_FAMILY.firstNames[position]}`, studentId, unitCents: amount, amountCents: amount, version });
      }
      // Every earlier year is paid; this year's invoice is due.
      if (year !== current) {
        await tx.insert(s.payment).values({ familyId: family.id, invoiceId: invoice.id, date: `${start}-10-15`, mode: 'cheque', label: 'Chèque', amountCents: amount * studentIds.length, schoolYear: year, version });
      }
      if (familyKind) {
        await tx.insert(s.document).values(documentRow(family.id, null, familyKind.id, year, `attestation-quotient-${start}.pdf`, version));
        counts.documents++;
      }
    }
  });
  return counts;
}

/** Metadata only: the storage key names no file (no screen of the first sync downloads one). */
function documentRow(familyId: string, studentId: string | null, kindId: string, schoolYear: string, fileName: string, version: number) {
  return {
    familyId, studentId, kindId, schoolYear, fileName, mediaType: 'application/pdf', sizeBytes: 48_213, sha256: '0'.repeat(64),
    storageKey: `large-family/${crypto.randomUUID()}`, status: 'accepted', version,
  };
}
