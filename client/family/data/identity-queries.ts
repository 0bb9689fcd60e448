import type { Family, Student } from '../../data/records.ts';
import { db } from '../../data/db.ts';
import { identityOverlay, type IdentityOverlay } from './identity-overlay.ts';

/** The family's record and what the screens show over it (run inside a live query). */
export async function familyIdentity(): Promise<{ family: Family | null; overlay: IdentityOverlay | undefined }> {
  const family = await db.families.toCollection().first();
  return { family: family ?? null, overlay: family ? await identityOverlay(family.id, family) : undefined };
}

/** One student's record and what the screens show over it (run inside a live query). */
export async function studentIdentity(studentId: string): Promise<{ student: Student | null; overlay: IdentityOverlay | undefined }> {
  const student = await db.students.get(studentId);
  return { student: student ?? null, overlay: student ? await identityOverlay(student.id, student) : undefined };
}
