import { and, eq } from 'drizzle-orm';
import { sameContacts, type EmergencyContact } from '../../shared/emergency-contact.ts';
import type { IdentityKind, IdentityValue } from '../../shared/identity-schemas.ts';
import type { Db, Tx } from '../db/client.ts';
import { family, student } from '../db/schema/index.ts';
import { refreshFamilySearch } from '../families/search-key.ts';

/** The record an identity edit is about, with what scoping and e-mails need. */
export interface IdentityTarget {
  kind: IdentityKind;
  id: string;
  familyId: string;
  siteId: string;
  version: number;
  row: Record<string, unknown>;
}

/** Loads a family or a student with its family's site; null when it does not exist. */
export async function loadTarget(tx: Db | Tx, kind: IdentityKind, id: string): Promise<IdentityTarget | null> {
  if (kind === 'family') {
    const [row] = await tx.select().from(family).where(eq(family.id, id));
    return row ? { kind, id, familyId: row.id, siteId: row.siteId, version: row.version, row } : null;
  }
  const [found] = await tx
    .select({ row: student, siteId: family.siteId })
    .from(student)
    .innerJoin(family, eq(family.id, student.familyId))
    .where(eq(student.id, id));
  return found ? { kind, id, familyId: found.row.familyId, siteId: found.siteId, version: found.row.version, row: found.row } : null;
}

/**
 * The target as a family account may see it: its own family or one of its students. Anything
 * else (another family's student, an unknown id) is null, so the caller answers "not found".
 */
export async function loadOwnTarget(tx: Db | Tx, familyId: string | null, kind: IdentityKind, id: string) {
  if (!familyId) return null;
  const target = await loadTarget(tx, kind, id);
  return target && target.familyId === familyId ? target : null;
}

/** The target as the secretariat of `siteId` may see it; another site's record is null. */
export async function loadSiteTarget(tx: Db | Tx, siteId: string, kind: IdentityKind, id: string) {
  const target = await loadTarget(tx, kind, id);
  return target && target.siteId === siteId ? target : null;
}

/** Writes identity values to the record, stamping the change version taken by the caller. */
export async function writeIdentity(tx: Tx, kind: IdentityKind, id: string, values: Record<string, IdentityValue>, version: number) {
  if (kind === 'family') await tx.update(family).set({ ...values, version }).where(eq(family.id, id));
  else await tx.update(student).set({ ...values, version }).where(eq(student.id, id));
  // A name, e-mail or town written: the desk's search key again (a student's family: the stale ones).
  await refreshFamilySearch(tx, kind === 'family' ? [id] : undefined);
}

/** The family row (names, e-mail) that e-mails about a record go to. */
export async function familyContact(tx: Db | Tx, familyId: string) {
  const [row] = await tx
    .select({ civility: family.civility, firstName: family.firstName, lastName: family.lastName, email: family.email, siteId: family.siteId })
    .from(family)
    .where(and(eq(family.id, familyId)));
  return row ?? null;
}

/** How a record is named in e-mails and in the secretariat's queue. */
export function targetLabel(target: IdentityTarget): string {
  const r = target.row as { firstName?: string; lastName?: string; civility?: string };
  return target.kind === 'family'
    ? `responsable de la famille ${[r.civility, r.firstName, r.lastName].filter(Boolean).join(' ')}`
    : `élève ${r.firstName ?? ''} ${r.lastName ?? ''}`.trim();
}

/** Equal values; a list (a student's emergency contacts) is compared contact by contact. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameContacts(a as EmergencyContact[], b as EmergencyContact[]);
  return (a ?? '') === (b ?? '');
}
