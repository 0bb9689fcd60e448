import { and, asc, eq } from 'drizzle-orm';
import { familyIdentitySchema, studentIdentitySchema, type IdentityKind, type IdentityValue } from '../../shared/identity-schemas.ts';
import type { Db } from '../db/client.ts';
import { auditLog, changeRequest, family, student } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { SessionUser } from '../http/context.ts';
import { ApiError, notFound, validationError } from '../http/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { decisionMail } from './mails.ts';
import { overallStatus, type RequestFields } from './request.ts';
import { familyContact, loadSiteTarget, loadTarget, sameValue, targetLabel, writeIdentity } from './targets.ts';

export interface PendingRequestView {
  id: string;
  createdAt: string;
  familyId: string;
  familyName: string;
  targetKind: IdentityKind;
  targetId: string;
  targetName: string;
  baseVersion: number;
  recordVersion: number;
  /** The record was written (by anyone) after the family started editing. */
  conflict: boolean;
  fields: Array<{ field: string; from: unknown; onFile: unknown; to: unknown; status: string; reason?: string; changedOnFile: boolean }>;
}

/** The site's pending requests, oldest first, each field with started-from / on-file / asked-for values. */
export async function listPending(db: Db, siteId: string): Promise<PendingRequestView[]> {
  const rows = await db
    .select()
    .from(changeRequest)
    .where(and(eq(changeRequest.siteId, siteId), eq(changeRequest.status, 'pending')))
    .orderBy(asc(changeRequest.createdAt), asc(changeRequest.id));
  const out: PendingRequestView[] = [];
  for (const r of rows) {
    const target = await loadTarget(db, r.targetKind as IdentityKind, r.targetId);
    if (!target || target.siteId !== siteId) continue;
    const fam = await familyContact(db, r.familyId);
    const t = target.row as { firstName: string; lastName: string };
    out.push({
      id: r.id,
      createdAt: r.createdAt,
      familyId: r.familyId,
      familyName: fam ? `${fam.lastName} ${fam.firstName}` : '',
      targetKind: target.kind,
      targetId: target.id,
      targetName: `${t.firstName} ${t.lastName}`,
      baseVersion: r.baseVersion,
      recordVersion: target.version,
      conflict: target.version !== r.baseVersion,
      fields: Object.entries(r.fields).map(([field, f]) => ({
        field,
        from: f.from,
        onFile: target.row[field],
        to: f.to,
        status: f.status,
        ...(f.reason ? { reason: f.reason } : {}),
        changedOnFile: !sameValue(f.from, target.row[field]),
      })),
    });
  }
  return out;
}

/**
 * Approves or refuses fields of a pending request (all its pending fields when none are named).
 * Approving writes the asked-for values to the record with a fresh change version, so the
 * family's next pull carries both the record and the request's new status. Audited; the family's
 * e-mail is queued in the same transaction and sent after the commit.
 */
export async function decide(
  db: Db,
  mailer: Mailer,
  reviewer: SessionUser,
  requestId: string,
  decision: { approve: true; fields?: string[] } | { approve: false; fields?: string[]; reason: string },
) {
  const outcome = await writeTransaction(db, async (tx) => {
    const [req] = await tx.select().from(changeRequest).where(and(eq(changeRequest.id, requestId), eq(changeRequest.siteId, reviewer.siteId)));
    if (!req) throw notFound('Demande');
    if (req.status !== 'pending') throw new ApiError(409, 'already_decided', 'Cette demande a déjà été traitée.');
    const target = await loadSiteTarget(tx, reviewer.siteId, req.targetKind as IdentityKind, req.targetId);
    if (!target) throw notFound('Fiche');
    const fields: RequestFields = structuredClone(req.fields);
    const pending = Object.keys(fields).filter((f) => fields[f].status === 'pending');
    const chosen = decision.fields ?? pending;
    const unknown = chosen.filter((f) => !pending.includes(f));
    if (unknown.length) {
      throw new ApiError(422, 'validation', 'Certains champs ne sont pas en attente.', { fields: `Champs non en attente : ${unknown.join(', ')}.` });
    }
    const version = await nextVersion(tx);
    if (decision.approve) {
      const values = Object.fromEntries(chosen.map((f) => [f, fields[f].to as IdentityValue]));
      await writeIdentity(tx, target.kind, target.id, values, version);
    }
    for (const f of chosen) {
      fields[f].status = decision.approve ? 'approved' : 'rejected';
      if (!decision.approve) fields[f].reason = decision.reason;
    }
    const now = new Date().toISOString();
    const status = overallStatus(fields);
    await tx.update(changeRequest).set({ fields, status, reviewedBy: reviewer.id, reviewedAt: now, version }).where(eq(changeRequest.id, req.id));
    await tx.insert(auditLog).values({
      actorUserId: reviewer.id,
      action: decision.approve ? 'change_request.approved' : 'change_request.refused',
      targetKind: target.kind,
      targetId: target.id,
      familyId: target.familyId,
      siteId: target.siteId,
      details: {
        changeRequestId: req.id,
        fields: Object.fromEntries(chosen.map((f) => [f, { from: target.row[f], to: fields[f].to }])),
        ...(decision.approve ? {} : { reason: decision.reason }),
      },
    });
    const contact = await familyContact(tx, target.familyId);
    const mail = contact?.email
      ? await mailer.queue(
          tx,
          decisionMail(
            contact,
            targetLabel(target),
            chosen.map((field) => ({ field, approved: decision.approve, reason: decision.approve ? undefined : decision.reason })),
          ),
          target.siteId,
        )
      : null;
    return { status, mail };
  });
  if (outcome.mail) await mailer.deliver([outcome.mail]);
  return { status: outcome.status };
}

/** A family of the secretariat's site with its students (another site's family: 404). */
export async function familyRecord(db: Db, siteId: string, familyId: string) {
  const [fam] = await db.select().from(family).where(and(eq(family.id, familyId), eq(family.siteId, siteId)));
  if (!fam) throw notFound('Famille');
  const students = await db.select().from(student).where(eq(student.familyId, fam.id)).orderBy(asc(student.firstName));
  const pending = await db
    .select({ id: changeRequest.id, targetId: changeRequest.targetId })
    .from(changeRequest)
    .where(and(eq(changeRequest.familyId, fam.id), eq(changeRequest.status, 'pending')));
  return { family: fam, students, pendingRequests: pending };
}

/**
 * The secretariat edits a record directly (no request): full validation, new change version,
 * and an audit row listing each field's old and new value.
 */
export async function directEdit(db: Db, reviewer: SessionUser, kind: IdentityKind, id: string, input: unknown) {
  const schema = kind === 'family' ? familyIdentitySchema : studentIdentitySchema;
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const values = parsed.data as Record<string, IdentityValue>;
  return writeTransaction(db, async (tx) => {
    const target = await loadSiteTarget(tx, reviewer.siteId, kind, id);
    if (!target) throw notFound(kind === 'family' ? 'Famille' : 'Élève');
    const changes = Object.fromEntries(
      Object.entries(values)
        .filter(([f, v]) => !sameValue(v, target.row[f]))
        .map(([f, v]) => [f, { from: target.row[f], to: v }]),
    );
    if (!Object.keys(changes).length) return { changed: [] as string[], version: target.version };
    const version = await nextVersion(tx);
    await writeIdentity(tx, kind, id, values, version);
    await tx.insert(auditLog).values({
      actorUserId: reviewer.id,
      action: kind === 'family' ? 'family.updated' : 'student.updated',
      targetKind: kind,
      targetId: id,
      familyId: target.familyId,
      siteId: target.siteId,
      details: { changes },
    });
    return { changed: Object.keys(changes), version };
  });
}

