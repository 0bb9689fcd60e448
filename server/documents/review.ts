import { and, asc, eq, inArray } from 'drizzle-orm';
import { writeTransaction } from '../db/write-transaction.ts';
import type { MissingKinds, ReviewQueueItem } from '../../shared/document-rules.ts';
import type { Db } from '../db/client.ts';
import { auditLog, document, documentKind, enrollment, family, student } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import type { SessionUser } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { documentDecisionMail } from './mails.ts';
import { documentView } from './upload.ts';

const nameOf = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** A document of one of the site's families, or null (another site's: the caller answers 404). */
export async function findSiteDocument(db: Db, siteId: string, id: string) {
  const [row] = await db
    .select({ doc: document })
    .from(document)
    .innerJoin(family, eq(family.id, document.familyId))
    .where(and(eq(document.id, id), eq(family.siteId, siteId)));
  return row?.doc ?? null;
}

/** Documents waiting for review on the site, oldest first, with who sent them and their kind. */
export async function reviewQueue(db: Db, siteId: string): Promise<ReviewQueueItem[]> {
  const rows = await db
    .select({ doc: document, fam: family, kindLabel: documentKind.label })
    .from(document)
    .innerJoin(family, eq(family.id, document.familyId))
    .innerJoin(documentKind, eq(documentKind.id, document.kindId))
    .where(and(eq(family.siteId, siteId), eq(document.status, 'received')))
    .orderBy(asc(document.createdAt), asc(document.id));
  const studentIds = [...new Set(rows.map((r) => r.doc.studentId).filter((v): v is string => !!v))];
  const students = studentIds.length ? await db.select().from(student).where(inArray(student.id, studentIds)) : [];
  return rows.map((r) => {
    const s = students.find((x) => x.id === r.doc.studentId);
    return {
      ...documentView(r.doc),
      familyName: `${r.fam.lastName} ${r.fam.firstName}`,
      studentName: s ? nameOf(s) : null,
      kindLabel: r.kindLabel,
    };
  });
}

/**
 * Accepts or refuses a received document. The new status (and the reason) gets a fresh change
 * version, so the family's next pull shows it; the decision is audited; the family's e-mail is
 * queued in the same transaction and sent after the commit.
 */
export async function decideDocument(
  db: Db,
  mailer: Mailer,
  reviewer: SessionUser,
  id: string,
  decision: { accepted: true } | { accepted: false; reason: string },
) {
  const outcome = await writeTransaction(db,
    async (tx) => {
      const [row] = await tx
        .select({ doc: document, fam: family, kindLabel: documentKind.label })
        .from(document)
        .innerJoin(family, eq(family.id, document.familyId))
        .innerJoin(documentKind, eq(documentKind.id, document.kindId))
        .where(and(eq(document.id, id), eq(family.siteId, reviewer.siteId)));
      if (!row) throw notFound('Document');
      if (row.doc.status !== 'received') throw new ApiError(409, 'already_decided', 'Ce document a déjà été examiné.');
      const version = await nextVersion(tx);
      const reviewedAt = new Date().toISOString();
      const [updated] = await tx
        .update(document)
        .set({
          status: decision.accepted ? 'accepted' : 'rejected',
          rejectionReason: decision.accepted ? null : decision.reason,
          reviewedBy: reviewer.id,
          reviewedAt,
          version,
        })
        .where(and(eq(document.id, id), eq(document.status, 'received')))
        .returning();
      if (!updated) throw new ApiError(409, 'already_decided', 'Ce document a déjà été examiné.');
      await tx.insert(auditLog).values({
        actorUserId: reviewer.id,
        action: decision.accepted ? 'document.accepted' : 'document.refused',
        targetKind: 'document',
        targetId: id,
        familyId: row.fam.id,
        siteId: row.fam.siteId,
        details: { kindId: row.doc.kindId, fileName: row.doc.fileName, ...(decision.accepted ? {} : { reason: decision.reason }) },
      });
      let ownerLabel = 'de la famille';
      if (row.doc.studentId) {
        const [s] = await tx.select().from(student).where(eq(student.id, row.doc.studentId));
        if (s) ownerLabel = `de ${nameOf(s)}`;
      }
      const mail = row.fam.email
        ? await mailer.queue(tx, documentDecisionMail(row.fam, { kindLabel: row.kindLabel, fileName: updated.fileName, ownerLabel }, decision), row.fam.siteId)
        : null;
      return { updated, mail };
    });
  if (outcome.mail) await mailer.deliver([outcome.mail]);
  return documentView(outcome.updated);
}

/**
 * Per family of the site, the kinds required each year with no document received or accepted
 * for `schoolYear`: family kinds for the family, student kinds for each student enrolled that year.
 */
export async function missingKinds(db: Db, siteId: string, schoolYear: string): Promise<MissingKinds[]> {
  const kinds = await db
    .select()
    .from(documentKind)
    .where(and(eq(documentKind.siteId, siteId), eq(documentKind.active, true), eq(documentKind.requiredEachYear, true)))
    .orderBy(asc(documentKind.label));
  const families = await db.select().from(family).where(eq(family.siteId, siteId)).orderBy(asc(family.lastName), asc(family.firstName));
  if (!families.length || !kinds.length) return [];
  const familyIds = families.map((f) => f.id);
  const students = await db
    .selectDistinct({ id: student.id, familyId: student.familyId, firstName: student.firstName, lastName: student.lastName })
    .from(student)
    .innerJoin(enrollment, eq(enrollment.studentId, student.id))
    .where(and(inArray(student.familyId, familyIds), eq(enrollment.schoolYear, schoolYear), eq(enrollment.active, true)))
    .orderBy(asc(student.firstName));
  const given = await db
    .select({ familyId: document.familyId, studentId: document.studentId, kindId: document.kindId })
    .from(document)
    .where(and(inArray(document.familyId, familyIds), eq(document.schoolYear, schoolYear), inArray(document.status, ['received', 'accepted'])));
  const has = (familyId: string, studentId: string | null, kindId: string) =>
    given.some((g) => g.familyId === familyId && (g.studentId ?? null) === studentId && g.kindId === kindId);

  const out: MissingKinds[] = [];
  for (const f of families) {
    const missing: MissingKinds['missing'] = [];
    for (const k of kinds.filter((k) => k.owner === 'family')) {
      if (!has(f.id, null, k.id)) missing.push({ kindId: k.id, kindLabel: k.label, studentId: null, studentName: null });
    }
    for (const s of students.filter((s) => s.familyId === f.id)) {
      for (const k of kinds.filter((k) => k.owner === 'student')) {
        if (!has(f.id, s.id, k.id)) missing.push({ kindId: k.id, kindLabel: k.label, studentId: s.id, studentName: nameOf(s) });
      }
    }
    if (missing.length) out.push({ familyId: f.id, familyName: `${f.lastName} ${f.firstName}`, missing });
  }
  return out;
}
