import { and, eq } from 'drizzle-orm';
import { fieldErrors } from '../../shared/auth-schemas.ts';
import { fieldCodes } from '../../shared/validation-messages.ts';
import { identityChangeArgsSchema, identityPatchSchemas, type IdentityValue } from '../../shared/identity-schemas.ts';
import { EMERGENCY_CONTACTS_FIELD, studentChangePatchSchema } from '../../shared/emergency-contact-change.ts';
import { emergencyContactsSchema } from '../../shared/emergency-contact.ts';
import type { MutationError } from '../../shared/push-protocol.ts';
import type { Tx } from '../db/client.ts';
import { auditLog, changeRequest } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import type { SessionUser } from '../http/context.ts';
import { loadOwnTarget, sameValue, targetLabel, type IdentityTarget } from './targets.ts';

export type RequestFields = Record<string, { from: unknown; to: unknown; status: string; reason?: string }>;

/** 'pending' while a field waits; otherwise what the decided fields add up to. */
export function overallStatus(fields: RequestFields): string {
  const statuses = Object.values(fields).map((f) => f.status);
  if (!statuses.length) return 'withdrawn';
  if (statuses.includes('pending')) return 'pending';
  if (statuses.every((s) => s === 'approved')) return 'approved';
  if (statuses.every((s) => s === 'rejected')) return 'rejected';
  return 'partial';
}

/**
 * The value the family says it started from, kept only when it has the field's shape: a text or
 * yes/no field takes a value of the type on file, the contacts list a list the contacts' schema
 * accepts. Anything else (a list sent for a name, a list of records with hundreds of keys) is
 * replaced by the value on file, so what the secretariat reads stays bounded and typed.
 */
function startedFrom(field: string, given: unknown, onFile: unknown): unknown {
  if (given === undefined) return onFile;
  if (field === EMERGENCY_CONTACTS_FIELD) return emergencyContactsSchema.safeParse(given).success ? given : onFile;
  if (given === null || Array.isArray(given)) return given === null && typeof onFile !== 'boolean' ? given : onFile;
  return typeof given === typeof onFile ? given : onFile;
}

export type IdentityChangeOutcome =
  | { ok: true; acknowledge?: { familyId: string; label: string; fields: string[] } }
  | { ok: false; error: MutationError };

/**
 * Applies a family's identity edit inside the push transaction: never the record itself, but the
 * one pending change request of that record, created or updated. Per field: `from` stays the
 * value the family first started from, `to` becomes the latest value asked; a field set back to
 * the value on file leaves the request. Rejections (unreadable, not the family's record, invalid
 * values) write nothing and come back as the 422-shaped error.
 */
export async function requestIdentityChange(tx: Tx, user: SessionUser, rawArgs: unknown, baseVersion: number | undefined): Promise<IdentityChangeOutcome> {
  const parsedArgs = identityChangeArgsSchema.safeParse(rawArgs);
  if (!parsedArgs.success) return { ok: false, error: { code: 'validation', message: 'La modification envoyée est illisible.' } };
  const args = parsedArgs.data;

  const target = user.role === 'family' ? await loadOwnTarget(tx, user.familyId, args.targetKind, args.targetId) : null;
  if (!target) {
    return { ok: false, error: { code: 'not_found', message: args.targetKind === 'student' ? 'Élève introuvable.' : 'Famille introuvable.' } };
  }

  // A student's request may also carry the emergency contacts (the whole list), reviewed like the rest.
  const patch = (args.targetKind === 'student' ? studentChangePatchSchema : identityPatchSchemas.family).safeParse(args.values);
  if (!patch.success) {
    return { ok: false, error: { code: 'validation', message: 'Certains champs sont à corriger.', fields: fieldErrors(patch.error), fieldCodes: fieldCodes(patch.error) } };
  }
  const values = patch.data as Record<string, IdentityValue>;

  const [existing] = await tx
    .select()
    .from(changeRequest)
    .where(and(eq(changeRequest.targetKind, target.kind), eq(changeRequest.targetId, target.id), eq(changeRequest.status, 'pending')));
  const fields: RequestFields = structuredClone(existing?.fields ?? {});
  const touched: string[] = [];
  for (const [field, to] of Object.entries(values)) {
    const onFile = target.row[field];
    const entry = fields[field];
    if (entry?.status === 'pending') {
      if (sameValue(to, onFile)) delete fields[field];
      else if (!sameValue(entry.to, to)) entry.to = to;
      else continue;
    } else {
      if (sameValue(to, onFile)) continue;
      fields[field] = { from: startedFrom(field, args.from[field], onFile), to, status: 'pending' };
    }
    touched.push(field);
  }
  if (!touched.length) return { ok: true };

  const version = await nextVersion(tx);
  const status = overallStatus(fields);
  let requestId: string;
  if (existing) {
    requestId = existing.id;
    await tx.update(changeRequest).set({ fields, status, version }).where(eq(changeRequest.id, existing.id));
  } else {
    const [row] = await tx
      .insert(changeRequest)
      .values({
        familyId: target.familyId,
        siteId: target.siteId,
        targetKind: target.kind,
        targetId: target.id,
        // What the device says it started from, never newer than the record itself.
        baseVersion: Math.min(baseVersion ?? target.version, target.version),
        fields,
        status,
        requestedBy: user.id,
        version,
      })
      .returning({ id: changeRequest.id });
    requestId = row.id;
  }
  await tx.insert(auditLog).values({
    actorUserId: user.id,
    action: 'change_request.submitted',
    targetKind: target.kind,
    targetId: target.id,
    familyId: target.familyId,
    siteId: target.siteId,
    details: { changeRequestId: requestId, fields: touched },
  });
  const pending = Object.keys(fields).filter((f) => fields[f].status === 'pending');
  return pending.length ? { ok: true, acknowledge: { familyId: target.familyId, label: targetLabel(target as IdentityTarget), fields: pending } } : { ok: true };
}
