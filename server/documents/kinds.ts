import { and, count, eq, ne } from 'drizzle-orm';
import type { CreateDocumentKindInput, DocumentKindAdminView } from '../../shared/document-kinds.ts';
import type { Db, Tx } from '../db/client.ts';
import { auditLog, document, documentKind } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { SessionUser } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';

/** The site's kinds, active first then by label, with how many documents each has on file. */
export async function listDocumentKinds(db: Db, siteId: string): Promise<DocumentKindAdminView[]> {
  const [kinds, counts] = await Promise.all([
    db.select().from(documentKind).where(eq(documentKind.siteId, siteId)),
    db.select({ kindId: document.kindId, n: count() }).from(document).innerJoin(documentKind, eq(documentKind.id, document.kindId)).where(eq(documentKind.siteId, siteId)).groupBy(document.kindId),
  ]);
  return kinds
    .map((k) => ({ id: k.id, owner: k.owner, label: k.label, requiredEachYear: k.requiredEachYear, active: k.active, documents: counts.find((c) => c.kindId === k.id)?.n ?? 0 }))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.label.localeCompare(b.label, 'fr'));
}

/** Two kinds of one site and owner never share a label (case and accents aside): families would not tell them apart. */
async function refuseDuplicate(tx: Tx, siteId: string, owner: 'family' | 'student', label: string, except?: string) {
  const same = await tx.select({ id: documentKind.id, label: documentKind.label }).from(documentKind)
    .where(and(eq(documentKind.siteId, siteId), eq(documentKind.owner, owner), except ? ne(documentKind.id, except) : undefined));
  const key = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  if (same.some((k) => key(k.label) === key(label))) {
    throw new ApiError(422, 'validation', 'Certains champs sont à corriger.', { label: 'Un type de document porte déjà ce libellé.' });
  }
}

/** A new kind: stamped with a new version, so every family of the site gets it with its next pull. */
export async function createDocumentKind(db: Db, actor: SessionUser, input: Required<Pick<CreateDocumentKindInput, 'label' | 'owner'>> & { requiredEachYear: boolean }) {
  return writeTransaction(db, async (tx) => {
    await refuseDuplicate(tx, actor.siteId, input.owner, input.label);
    const version = await nextVersion(tx);
    const row = { id: crypto.randomUUID(), siteId: actor.siteId, owner: input.owner, label: input.label, requiredEachYear: input.requiredEachYear, active: true, version };
    await tx.insert(documentKind).values(row);
    await tx.insert(auditLog).values({ actorUserId: actor.id, action: 'document_kind.created', targetKind: 'document_kind', targetId: row.id, siteId: actor.siteId, details: { label: row.label, owner: row.owner, requiredEachYear: row.requiredEachYear } });
    return row;
  });
}

/**
 * Renames a kind, asks for it each year or not, or takes it off the families' list (`active`):
 * documents already sent keep their kind. Another site's kind is 404.
 */
export async function updateDocumentKind(db: Db, actor: SessionUser, id: string, patch: { label?: string; requiredEachYear?: boolean; active?: boolean }) {
  return writeTransaction(db, async (tx) => {
    const [kind] = await tx.select().from(documentKind).where(and(eq(documentKind.id, id), eq(documentKind.siteId, actor.siteId)));
    if (!kind) throw notFound('Type de document');
    if (patch.label !== undefined) await refuseDuplicate(tx, actor.siteId, kind.owner, patch.label, kind.id);
    const version = await nextVersion(tx);
    await tx.update(documentKind).set({ ...patch, version }).where(eq(documentKind.id, kind.id));
    await tx.insert(auditLog).values({ actorUserId: actor.id, action: 'document_kind.updated', targetKind: 'document_kind', targetId: kind.id, siteId: actor.siteId, details: { before: { label: kind.label, requiredEachYear: kind.requiredEachYear, active: kind.active }, after: patch } });
    return { ...kind, ...patch, version };
  });
}
