import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Preregistration } from '../../shared/preregistration-schemas.ts';
import { sendPasswordLink, type Auth } from '../auth/auth.ts';
import type { Db, Tx } from '../db/client.ts';
import { auditLog, family, preRegistration, site, student } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { SessionUser } from '../http/context.ts';
import { logEvent } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import { createAccount, unusablePasswordHash } from '../families/new-account.ts';
import { acceptedMail, refusedMail } from './mails.ts';
import { refreshFamilySearch } from '../families/search-key.ts';

type Row = typeof preRegistration.$inferSelect;
type Application = Omit<Preregistration, 'formToken' | 'website'>;
const dataOf = (row: Row) => row.data as Application;

/** The site's applications, oldest first (the order they are dealt with), optionally by status. */
export async function listApplications(db: Db, siteId: string, status?: string) {
  const rows = await db
    .select()
    .from(preRegistration)
    .where(and(eq(preRegistration.siteId, siteId), status ? eq(preRegistration.status, status) : undefined))
    .orderBy(asc(preRegistration.createdAt));
  return rows.map((r) => {
    const d = dataOf(r);
    return {
      id: r.id,
      reference: r.reference,
      status: r.status,
      createdAt: r.createdAt,
      responsibleName: `${d.responsible.firstName} ${d.responsible.lastName}`,
      email: r.email,
      children: d.children.length,
    };
  });
}

async function siteApplication(db: Db | Tx, siteId: string, id: string): Promise<Row> {
  const [row] = await db.select().from(preRegistration).where(and(eq(preRegistration.id, id), eq(preRegistration.siteId, siteId)));
  if (!row) throw notFound('Pré-inscription');
  return row;
}

/** A name as people may type it: no accents, no case, single spaces ("LEFÈVRE " = "Lefèvre"). */
const sameName = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Families of the site that may be the same family: same e-mail, or same name and postal code. */
async function duplicatesOf(db: Db | Tx, row: Row) {
  const byEmail = row.email ? sql`lower(${family.email}) = ${row.email}` : sql`0`;
  const samePostalCode = row.postalCode ? eq(family.postalCode, row.postalCode) : sql`0`;
  const candidates = await db.select().from(family).where(and(eq(family.siteId, row.siteId), or(byEmail, samePostalCode)));
  const name = sameName(row.lastName);
  return candidates
    .map((f) => ({ f, reason: row.email && f.email.toLowerCase() === row.email ? ('email' as const) : sameName(f.lastName) === name ? ('name_postal_code' as const) : null }))
    .filter((c): c is { f: typeof c.f; reason: 'email' | 'name_postal_code' } => c.reason !== null)
    .map(({ f, reason }) => ({ familyId: f.id, name: [f.civility, f.firstName, f.lastName].filter(Boolean).join(' '), postalCode: f.postalCode, email: f.email, reason }));
}

export async function applicationDetail(db: Db, siteId: string, id: string) {
  const row = await siteApplication(db, siteId, id);
  return {
    application: { id: row.id, reference: row.reference, status: row.status, createdAt: row.createdAt, data: dataOf(row), refuseReason: row.refuseReason, familyId: row.familyId },
    duplicates: await duplicatesOf(db, row),
  };
}

function undecided(row: Row) {
  if (row.status === 'accepted' || row.status === 'refused') throw new ApiError(409, 'already_decided', 'Cette pré-inscription a déjà été traitée.');
}

async function audit(tx: Tx, actor: SessionUser, action: string, row: Row, details: Record<string, unknown>, familyId: string | null = null) {
  await tx.insert(auditLog).values({ actorUserId: actor.id, action, targetKind: 'pre_registration', targetId: row.id, familyId, siteId: row.siteId, details });
}

export async function markInProgress(db: Db, actor: SessionUser, id: string) {
  await writeTransaction(db, async (tx) => {
    const row = await siteApplication(tx, actor.siteId, id);
    undecided(row);
    await tx.update(preRegistration).set({ status: 'in_progress' }).where(eq(preRegistration.id, row.id));
    await audit(tx, actor, 'preregistration.in_progress', row, {});
  });
}

export async function refuseApplication(db: Db, mailer: Mailer, actor: SessionUser, id: string, reason: string) {
  const mail = await writeTransaction(db, async (tx) => {
    const r = await siteApplication(tx, actor.siteId, id);
    undecided(r);
    await tx.update(preRegistration).set({ status: 'refused', refuseReason: reason, decidedAt: new Date().toISOString(), decidedBy: actor.id }).where(eq(preRegistration.id, r.id));
    await audit(tx, actor, 'preregistration.refuse', r, { reason });
    return mailer.queue(tx, refusedMail(dataOf(r).responsible, r.reference, reason), r.siteId);
  });
  await mailer.deliver([mail]);
}

/**
 * Accepts an application in one step: a new family with its students and its account (identifiant
 * generated, a password link e-mailed, as "Mot de passe perdu" sends), or its children added to an
 * existing family of the site (a duplicate), without a new account. Decided once: a second click
 * finds it accepted (409) and creates nothing.
 */
export async function acceptApplication(db: Db, mailer: Mailer, auth: Auth, actor: SessionUser, id: string, attachToFamilyId?: string) {
  const passwordHash = attachToFamilyId ? '' : await unusablePasswordHash();
  const result = await writeTransaction(db, async (tx) => {
    const row = await siteApplication(tx, actor.siteId, id);
    undecided(row);
    const d = dataOf(row);
    const version = await nextVersion(tx);
    let familyId: string;
    let username: string | null = null;
    if (attachToFamilyId) {
      const [existing] = await tx.select({ id: family.id }).from(family).where(and(eq(family.id, attachToFamilyId), eq(family.siteId, row.siteId)));
      if (!existing) throw notFound('Famille');
      familyId = existing.id;
    } else {
      const r = d.responsible;
      const [created] = await tx
        .insert(family)
        .values({ siteId: row.siteId, civility: r.civility, lastName: r.lastName, firstName: r.firstName, address: r.address, postalCode: r.postalCode, city: r.city, mobile: r.mobile, email: row.email, smsOptIn: r.smsOptIn ?? false, version })
        .returning({ id: family.id });
      familyId = created.id;
      ({ username } = await createAccount(tx, { siteId: row.siteId, role: 'family', name: `${r.firstName} ${r.lastName}`, email: row.email, firstName: r.firstName, lastName: r.lastName, familyId, passwordHash }));
    }
    for (const c of d.children) {
      await tx.insert(student).values({ familyId, lastName: c.lastName, firstName: c.firstName, birthDate: c.birthDate, useFamilyContact: true, version });
    }
    await refreshFamilySearch(tx, [familyId]);
    await tx.update(preRegistration).set({ status: 'accepted', decidedAt: new Date().toISOString(), decidedBy: actor.id, familyId }).where(eq(preRegistration.id, row.id));
    await audit(tx, actor, 'preregistration.accept', row, { attached: !!attachToFamilyId, username, students: d.children.length }, familyId);
    const [s] = await tx.select({ name: site.name }).from(site).where(eq(site.id, row.siteId));
    const mail = await mailer.queue(tx, acceptedMail(d.responsible, row.reference, s.name, username), row.siteId);
    return { row, familyId, username, students: d.children.length, mail };
  });
  await mailer.deliver([result.mail]);
  if (result.username) {
    try {
      await sendPasswordLink(auth, result.row.email);
    } catch (error) {
      // The account exists: the desk can send the link again from the family's page.
      logEvent('error', 'password link after acceptance failed', { familyId: result.familyId, error });
    }
  }
  return { familyId: result.familyId, username: result.username, students: result.students };
}
