import { and, asc, eq, inArray } from 'drizzle-orm';
import { sendPasswordLink, type Auth } from '../auth/auth.ts';
import type { Throttle } from '../auth/throttle.ts';
import type { Db } from '../db/client.ts';
import { auditLog, family, user } from '../db/schema/index.ts';
import type { SessionUser } from '../http/context.ts';
import { notFound } from '../http/errors.ts';

export interface FamilyAccount {
  id: string;
  username: string;
  email: string;
  /** Minutes before the account accepts a sign-in again (0: not locked by failed attempts). */
  lockedMinutes: number;
  /** Disabled by the desk: no session, no sign-in, no password link. */
  disabled: boolean;
}

/** A staff account of the site (teacher or secretariat), as the secretariat's list shows it. */
export interface StaffAccount extends FamilyAccount {
  name: string;
  role: 'teacher' | 'secretariat';
}

/** Adds each account's lock state: its lock against unknown devices (not an address's, nor one device's). */
function withLockState<T extends { username: string | null }>(throttle: Throttle, rows: T[]) {
  return Promise.all(
    rows.map(async (r) => {
      const wait = await throttle.accountLockMs(r.username ?? '');
      return { ...r, username: r.username ?? '', lockedMinutes: wait > 0 ? Math.ceil(wait / 60_000) : 0 };
    }),
  );
}

/** The sign-in accounts of a family, with their lock state (failed attempts). */
export async function familyAccounts(db: Db, throttle: Throttle, familyId: string): Promise<FamilyAccount[]> {
  const rows = await db
    .select({ id: user.id, username: user.username, email: user.email, disabled: user.disabled })
    .from(user)
    .where(and(eq(user.familyId, familyId), eq(user.role, 'family')))
    .orderBy(asc(user.username));
  return withLockState(throttle, rows);
}

const STAFF_ROLES = ['teacher', 'secretariat'];

/** The staff accounts of a site (teachers and secretariat), with their lock state. */
export async function staffAccounts(db: Db, throttle: Throttle, siteId: string): Promise<StaffAccount[]> {
  const rows = await db
    .select({ id: user.id, username: user.username, email: user.email, name: user.name, role: user.role, disabled: user.disabled })
    .from(user)
    .where(and(eq(user.siteId, siteId), inArray(user.role, STAFF_ROLES)))
    .orderBy(asc(user.username));
  return (await withLockState(throttle, rows)) as StaffAccount[];
}

/** A family account of the secretariat's site, or 404 (another site's, a staff account, unknown). */
async function siteFamilyAccount(db: Db, siteId: string, userId: string) {
  const [row] = await db
    .select({ id: user.id, username: user.username, email: user.email, name: user.name, familyId: user.familyId })
    .from(user)
    .innerJoin(family, eq(family.id, user.familyId))
    .where(and(eq(user.id, userId), eq(user.role, 'family'), eq(family.siteId, siteId)));
  if (!row?.username) throw notFound('Compte');
  return row;
}

/** A staff account (teacher or secretariat) of the secretariat's site, or 404 (another site's, a family's, unknown). */
async function siteStaffAccount(db: Db, siteId: string, userId: string) {
  const [row] = await db
    .select({ id: user.id, username: user.username, familyId: user.familyId })
    .from(user)
    .where(and(eq(user.id, userId), inArray(user.role, STAFF_ROLES), eq(user.siteId, siteId)));
  if (!row?.username) throw notFound('Compte');
  return row;
}

/** Lifts every lock of the account set by failed sign-ins, audited. */
async function unlock(db: Db, throttle: Throttle, actor: SessionUser, account: { id: string; username: string | null; familyId: string | null }) {
  await throttle.unlock(account.username!);
  await db.insert(auditLog).values({
    actorUserId: actor.id, action: 'account.unlocked', targetKind: 'user', targetId: account.id, familyId: account.familyId, siteId: actor.siteId,
    details: { username: account.username },
  });
}

/** The desk lifts a lock set by failed sign-ins (the family called): audited. */
export async function unlockAccount(db: Db, throttle: Throttle, actor: SessionUser, userId: string) {
  const account = await siteFamilyAccount(db, actor.siteId, userId);
  await unlock(db, throttle, actor, account);
  return { message: `Le compte ${account.username} est débloqué : la famille peut se connecter de nouveau.` };
}

/** The desk lifts the lock of a teacher's or a colleague's account of its own site: audited. */
export async function unlockStaffAccount(db: Db, throttle: Throttle, actor: SessionUser, userId: string) {
  const account = await siteStaffAccount(db, actor.siteId, userId);
  await unlock(db, throttle, actor, account);
  return { message: `Le compte ${account.username} est débloqué : la personne peut se connecter de nouveau.` };
}

/**
 * The desk sends the account's owner the same single-use link as "Mot de passe perdu" (valid one
 * hour), to the e-mail on file: the secretariat never sees or chooses a password. Audited.
 */
export async function sendResetLink(db: Db, auth: Auth, actor: SessionUser, userId: string) {
  const account = await siteFamilyAccount(db, actor.siteId, userId);
  await sendPasswordLink(auth, account.email);
  await db.insert(auditLog).values({
    actorUserId: actor.id, action: 'account.reset_link_sent', targetKind: 'user', targetId: account.id, familyId: account.familyId, siteId: actor.siteId,
    details: { username: account.username, email: account.email },
  });
  return { message: `Un lien pour choisir un nouveau mot de passe a été envoyé à ${account.email} (valable une heure).` };
}
