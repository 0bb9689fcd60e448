import { and, asc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { consentKindCreateSchema, consentKindWordingSchema } from '../../shared/consent-schemas.ts';
import type { Db, Tx } from '../db/client.ts';
import { consentKind } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { SessionUser } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { audit } from '../teaching/records.ts';

export type ConsentKindRow = typeof consentKind.$inferSelect;

/** The site's consent kinds in the order families read them. */
export function siteConsentKinds(db: Db | Tx, siteId: string) {
  return db.select().from(consentKind).where(eq(consentKind.siteId, siteId)).orderBy(asc(consentKind.position), asc(consentKind.code));
}

async function ownKind(db: Db | Tx, siteId: string, id: string) {
  const [found] = await db.select().from(consentKind).where(and(eq(consentKind.id, id), eq(consentKind.siteId, siteId)));
  if (!found) throw notFound('Accord');
  return found;
}

/** A new kind, asked of every family from the next pull; its code is unique on the site. */
export async function createConsentKind(db: Db, user: SessionUser, input: z.output<typeof consentKindCreateSchema>): Promise<ConsentKindRow> {
  return writeTransaction(db, async (tx) => {
    const [taken] = await tx.select({ id: consentKind.id }).from(consentKind).where(and(eq(consentKind.siteId, user.siteId), eq(consentKind.code, input.code)));
    if (taken) throw new ApiError(409, 'consent_code_taken', 'Ce code est déjà utilisé par un autre accord.', { code: 'Ce code est déjà utilisé par un autre accord.' });
    const [{ last }] = await tx.select({ last: max(consentKind.position) }).from(consentKind).where(eq(consentKind.siteId, user.siteId));
    const version = await nextVersion(tx);
    const [row] = await tx
      .insert(consentKind)
      .values({ siteId: user.siteId, ...input, wordingVersion: 1, position: (last ?? 0) + 1, active: true, version })
      .returning();
    await audit(tx, user, 'consent.kind.create', { kind: 'consent_kind', id: row.id, siteId: user.siteId }, { code: row.code, scope: row.scope });
    return row;
  });
}

/**
 * A new wording. A changed text raises `wordingVersion`: every family's answer to the earlier one
 * becomes outdated and is asked again (the answers stay, with the version they were given to).
 * The same text again changes nothing.
 */
export async function rewordConsentKind(db: Db, user: SessionUser, id: string, input: z.output<typeof consentKindWordingSchema>): Promise<ConsentKindRow> {
  return writeTransaction(db, async (tx) => {
    const kind = await ownKind(tx, user.siteId, id);
    if (kind.wordingFr === input.wordingFr && kind.wordingEn === input.wordingEn) return kind;
    const version = await nextVersion(tx);
    const [row] = await tx
      .update(consentKind)
      .set({ wordingFr: input.wordingFr, wordingEn: input.wordingEn, wordingVersion: kind.wordingVersion + 1, version })
      .where(eq(consentKind.id, kind.id))
      .returning();
    await audit(tx, user, 'consent.kind.reword', { kind: 'consent_kind', id: kind.id, siteId: user.siteId }, {
      from: { wordingVersion: kind.wordingVersion, wordingFr: kind.wordingFr, wordingEn: kind.wordingEn },
      wordingVersion: row.wordingVersion,
    });
    return row;
  });
}

/** Asked again or no longer asked; a deactivated kind keeps its answers and leaves "done" alone. */
export async function setConsentKindActive(db: Db, user: SessionUser, id: string, active: boolean): Promise<ConsentKindRow> {
  return writeTransaction(db, async (tx) => {
    const kind = await ownKind(tx, user.siteId, id);
    if (kind.active === active) return kind;
    const version = await nextVersion(tx);
    const [row] = await tx.update(consentKind).set({ active, version }).where(eq(consentKind.id, kind.id)).returning();
    await audit(tx, user, active ? 'consent.kind.activate' : 'consent.kind.deactivate', { kind: 'consent_kind', id: kind.id, siteId: user.siteId }, { code: kind.code });
    return row;
  });
}
