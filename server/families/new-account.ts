import { hashPassword } from 'better-auth/crypto';
import { eq, like } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { account, user } from '../db/schema/index.ts';
import { ApiError } from '../http/errors.ts';
import { refreshFamilySearch } from './search-key.ts';

/** "Élodie Le Gall-Duval" → "elodie.le-gall-duval": lower case, no accents, letters, digits and dashes. */
export function usernameBase(firstName: string, lastName: string): string {
  const part = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30);
  return [part(firstName), part(lastName)].filter(Boolean).join('.') || 'famille';
}

/** An e-mail as stored and compared: trimmed, lower case. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * The first free identifiant "prenom.nom", then "prenom.nom2", "prenom.nom3"… Identifiants are
 * unique across sites (better-auth signs in by identifiant, then the site is checked), which makes
 * them unique per site too. Call it inside the write transaction that inserts the account.
 */
export async function freeUsername(tx: Db | Tx, firstName: string, lastName: string): Promise<string> {
  const base = usernameBase(firstName, lastName);
  const taken = new Set((await tx.select({ u: user.username }).from(user).where(like(user.username, `${base}%`))).map((r) => r.u));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** A password nobody knows: the account's owner chooses theirs through the e-mailed link. */
export const unusablePasswordHash = () => hashPassword(crypto.randomUUID() + crypto.randomUUID());

export interface NewAccount {
  siteId: string;
  role: 'family' | 'teacher';
  name: string;
  email: string;
  firstName: string;
  lastName: string;
  familyId?: string;
  teacherId?: string;
  /** From unusablePasswordHash(), computed before the transaction (scrypt is slow by design). */
  passwordHash: string;
}

/**
 * Creates a sign-in account (better-auth's user and credential rows) with a generated identifiant
 * and an unusable password. The e-mail must be free (one account per address: the password link
 * is sent by address): a taken one is the field error `email`.
 */
export async function createAccount(tx: Tx, a: NewAccount): Promise<{ id: string; username: string }> {
  const email = normaliseEmail(a.email);
  const [clash] = await tx.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (clash) {
    const message = 'Un compte utilise déjà cette adresse e-mail : choisissez-en une autre ou rattachez la famille au compte existant.';
    throw new ApiError(422, 'validation', 'Certains champs sont à corriger.', { email: message });
  }
  const username = await freeUsername(tx, a.firstName, a.lastName);
  const id = crypto.randomUUID();
  const now = new Date();
  await tx.insert(user).values({
    id, name: a.name, email, emailVerified: true, createdAt: now, updatedAt: now, username, displayUsername: username,
    role: a.role, siteId: a.siteId, familyId: a.familyId ?? null, teacherId: a.teacherId ?? null,
  });
  await tx.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: a.passwordHash, createdAt: now, updatedAt: now });
  // The identifiant is searched by the desk: the family's key again.
  if (a.familyId) await refreshFamilySearch(tx, [a.familyId]);
  return { id, username };
}
