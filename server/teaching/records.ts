import { fieldErrors, fieldCodes } from '../../shared/validation-messages.ts';
import type { z } from 'zod';
import type { Tx } from '../db/client.ts';
import { auditLog, tombstone } from '../db/schema/index.ts';
import type { SessionUser } from '../http/context.ts';
import { refused, type TeachingOutcome } from './scope.ts';

/** A payload that failed its shared schema: the 422 shape, with codes for the browser's language. */
export function invalid(error: z.ZodError): TeachingOutcome {
  return refused('validation', 'Certains champs sont à corriger.', { fields: fieldErrors(error), fieldCodes: fieldCodes(error) });
}

/** Marks a deleted row for the pulls of its family (and of the site's teachers). */
export async function bury(tx: Tx, tableName: string, rowId: string, where: { familyId: string; siteId: string }, version: number) {
  await tx.insert(tombstone).values({ tableName, rowId, familyId: where.familyId, siteId: where.siteId, version });
}

/** Every teacher's write leaves a line in the audit log (who, what, for whom). */
export async function audit(tx: Tx, user: SessionUser, action: string, target: { kind: string; id: string; familyId?: string | null; siteId: string }, details: Record<string, unknown>) {
  await tx.insert(auditLog).values({
    actorUserId: user.id,
    action,
    targetKind: target.kind,
    targetId: target.id,
    familyId: target.familyId ?? null,
    siteId: target.siteId,
    details,
  });
}
