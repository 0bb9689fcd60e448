import { db } from '../../data/db.ts';

/** The family's own documents (not a student's), those still on this device, and the kinds asked for. */
export async function familyDocuments() {
  const family = await db.families.toCollection().first();
  const [documents, pending, kinds] = await Promise.all([
    db.documents.filter((d) => !d.studentId).toArray(),
    db.pendingUploads.filter((u) => !u.studentId).toArray(),
    db.documentKinds.where('owner').equals('family').toArray(),
  ]);
  return { family: family ?? null, documents, pending, kinds };
}

/** One student's documents, those still on this device, and the kinds asked for. */
export async function studentDocuments(studentId: string) {
  const [student, documents, pending, kinds] = await Promise.all([
    db.students.get(studentId),
    db.documents.where('studentId').equals(studentId).toArray(),
    db.pendingUploads.where('studentId').equals(studentId).toArray(),
    db.documentKinds.where('owner').equals('student').toArray(),
  ]);
  return { student: student ?? null, documents, pending, kinds };
}
