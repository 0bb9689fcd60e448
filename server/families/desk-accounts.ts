import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { and, eq, like, ne } from 'drizzle-orm';
import { sendPasswordLink, type Auth } from '../auth/auth.ts';
import type { Db, Tx } from '../db/client.ts';
import { account, auditLog, family, session, site, teacher, user, verification } from '../db/schema/index.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { SessionUser } from '../http/context.ts';
import { ApiError, notFound, VALIDATION_MESSAGE } from '../http/errors.ts';
import { logEvent } from '../log.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import { normaliseEmail } from './new-account.ts';

/**
 * The desk's hold on a sign-in account of its site (issue 14): its state, disable and enable it
 * (disabling ends its sessions at once; its sign-in is then answered like a wrong password), change
 * its e-mail (the owner told at both addresses), the welcome letter's data, and what a new account
 * is told. Another site's account, or an unknown id, is 404.
 */

const signature = '\n\nLe secrétariat du conservatoire\n(Message envoyé par Portée : merci de ne pas y répondre.)';
const EMAIL_TAKEN = 'Un compte utilise déjà cette adresse e-mail : choisissez-en une autre.';

type Account = Awaited<ReturnType<typeof siteAccount>>;

/** An account of the secretariat's site (family, teacher or secretariat), or 404. */
async function siteAccount(db: Db | Tx, siteId: string, userId: string) {
  const [row] = await db
    .select({
      id: user.id, username: user.username, email: user.email, name: user.name, role: user.role, disabled: user.disabled,
      familyId: user.familyId, teacherId: user.teacherId,
    })
    .from(user)
    .where(and(eq(user.id, userId), eq(user.siteId, siteId)));
  if (!row?.username) throw notFound('Compte');
  return { ...row, username: row.username };
}

async function audit(tx: Db | Tx, actor: SessionUser, action: string, a: Pick<Account, 'id' | 'familyId'>, details: Record<string, unknown>) {
  await tx.insert(auditLog).values({ actorUserId: actor.id, action, targetKind: 'user', targetId: a.id, familyId: a.familyId, siteId: actor.siteId, details });
}

/** Ends the account's password links (a link sent to an address no longer its own, or to a disabled account). */
async function endPasswordLinks(tx: Tx, userId: string) {
  await tx.delete(verification).where(and(eq(verification.value, userId), like(verification.identifier, 'reset-password:%')));
}

/** An account as the desk's actions see it: identifiant, e-mail, role and whether it is disabled. */
export async function deskAccount(db: Db, actor: SessionUser, userId: string) {
  const a = await siteAccount(db, actor.siteId, userId);
  return { id: a.id, username: a.username, email: a.email, name: a.name, role: a.role, disabled: a.disabled };
}

/**
 * Disables or enables an account, audited. Disabling deletes its sessions in the same transaction
 * (its cookie answers 401 from the next request) and its password links; a disabled account's
 * sign-in is refused like a wrong password (see `disabledCredential`). The desk cannot disable its
 * own account.
 */
export async function setAccountDisabled(db: Db, actor: SessionUser, userId: string, disabled: boolean) {
  const a = await writeTransaction(db, async (tx) => {
    const found = await siteAccount(tx, actor.siteId, userId);
    if (disabled && found.id === actor.id) throw new ApiError(409, 'own_account', 'Vous ne pouvez pas désactiver votre propre compte.');
    await tx.update(user).set({ disabled, updatedAt: new Date() }).where(eq(user.id, found.id));
    if (disabled) {
      await tx.delete(session).where(eq(session.userId, found.id));
      await endPasswordLinks(tx, found.id);
    }
    await audit(tx, actor, disabled ? 'account.disabled' : 'account.enabled', found, { username: found.username });
    return found;
  });
  return {
    disabled,
    message: disabled
      ? `Le compte ${a.username} est désactivé : ses sessions sont fermées et il ne peut plus se connecter.`
      : `Le compte ${a.username} est réactivé : il peut se connecter de nouveau.`,
  };
}

/**
 * Changes the account's e-mail (trimmed, lower case, used by no other account: the field error
 * `email` otherwise), audited. Links sent to the old address end; the owner is told at the old
 * address and the new one, so a change they did not ask for does not go unseen.
 */
export async function changeAccountEmail(db: Db, mailer: Mailer, actor: SessionUser, userId: string, typed: string) {
  const email = normaliseEmail(typed);
  const result = await writeTransaction(db, async (tx) => {
    const a = await siteAccount(tx, actor.siteId, userId);
    if (a.email === email) return { a, changed: false };
    const [clash] = await tx.select({ id: user.id }).from(user).where(and(eq(user.email, email), ne(user.id, a.id)));
    if (clash) throw new ApiError(422, 'validation', VALIDATION_MESSAGE, { email: EMAIL_TAKEN });
    await tx.update(user).set({ email, updatedAt: new Date() }).where(eq(user.id, a.id));
    await endPasswordLinks(tx, a.id);
    await audit(tx, actor, 'account.email_changed', a, { username: a.username, from: a.email, to: email });
    const mails = [];
    for (const to of [a.email, email]) mails.push(await mailer.queue(tx, emailChangedMail(to, a.name, a.username, a.email, email), actor.siteId));
    return { a, changed: true, mails };
  });
  const { a, changed } = result;
  if (!changed) return { email, message: `Le compte ${a.username} a déjà l’adresse ${email} : rien n’a changé.` };
  await mailer.deliver(result.mails ?? []);
  return { email, message: `L’adresse du compte ${a.username} est maintenant ${email}. Son titulaire en est informé aux deux adresses.` };
}

function emailChangedMail(to: string, name: string, username: string, from: string, email: string): MailMessage {
  return {
    to,
    subject: 'Portée — l’adresse e-mail de votre compte a changé',
    text:
      `Bonjour ${name},\n\nLe secrétariat a changé l’adresse e-mail de votre compte Portée (identifiant ${username}) : ${from} → ${email}.\n` +
      `Les liens pour choisir un mot de passe iront désormais à ${email}.\n` +
      `Si vous n’êtes pas à l’origine de ce changement, contactez le secrétariat du conservatoire.${signature}`,
  };
}

/** What the welcome letter says: the site, the identifiant, the portal's address, to whom. */
export async function welcomeLetter(db: Db, portalUrl: string, actor: SessionUser, userId: string) {
  const a = await siteAccount(db, actor.siteId, userId);
  const [s] = await db.select({ name: site.name, address: site.address, postalCode: site.postalCode, city: site.city, phone: site.phone, email: site.email }).from(site).where(eq(site.id, actor.siteId));
  const person = await addressee(db, a);
  return {
    siteName: s.name,
    site: s,
    username: a.username,
    email: a.email,
    role: a.role,
    /** Where the desk goes back to from the letter. */
    familyId: a.familyId,
    teacherId: a.teacherId,
    portalUrl,
    signInUrl: `${portalUrl}/connexion`,
    lostPasswordUrl: `${portalUrl}/mot-de-passe-perdu`,
    ...person,
  };
}

/** To whom the letter is written: the family's responsible adult, the teacher, or the account's name. */
async function addressee(db: Db, a: Account) {
  const none = { address: '', postalCode: '', city: '' };
  if (a.familyId) {
    const [f] = await db.select().from(family).where(eq(family.id, a.familyId));
    if (f) return { familyName: f.lastName, civility: f.civility, firstName: f.firstName, lastName: f.lastName, address: f.address, postalCode: f.postalCode, city: f.city };
  }
  if (a.teacherId) {
    const [tc] = await db.select().from(teacher).where(eq(teacher.id, a.teacherId));
    if (tc) return { familyName: null, civility: tc.civility, firstName: tc.firstName, lastName: tc.lastName, ...none };
  }
  return { familyName: null, civility: '', firstName: a.name, lastName: '', ...none };
}

/**
 * The message telling the owner of a new account its identifiant and site, queued in the
 * transaction that creates the account (committed with it, or not at all).
 */
export function queueAccountCreatedMail(tx: Tx, mailer: Mailer, portalUrl: string, a: { email: string; name: string; username: string; siteId: string; siteName: string }): Promise<string> {
  return mailer.queue(tx, {
    to: normaliseEmail(a.email),
    subject: 'Portée — votre compte est créé',
    text:
      `Bonjour ${a.name},\n\nLe secrétariat du conservatoire (site ${a.siteName}) vous a créé un compte Portée.\n` +
      `Votre identifiant : ${a.username}\nL’adresse du portail : ${portalUrl}\n\n` +
      `Un autre message contient le lien pour choisir votre mot de passe (valable une heure). Passé ce délai, choisissez « Mot de passe perdu » ` +
      `sur la page de connexion (${portalUrl}/connexion) : un nouveau lien vous sera envoyé.${signature}`,
  }, a.siteId);
}

/**
 * After the account's commit: sends its queued message (queueAccountCreatedMail), then the
 * single-use link to choose a password (as "Mot de passe perdu" sends). The account exists
 * whatever happens here: a failed link is logged, and the desk can send it again.
 */
export async function announceNewAccount(mailer: Mailer, auth: Auth, mail: string, a: { email: string; username: string }) {
  await mailer.deliver([mail]);
  try {
    await sendPasswordLink(auth, normaliseEmail(a.email));
  } catch (error) {
    logEvent('error', 'password link for a new account failed', { username: a.username, error });
  }
}

/**
 * For sign-in: when the identifiant names a disabled account, its password hash (or '' if it has
 * none); null otherwise. The caller checks the password anyway and refuses like a wrong one, so a
 * disabled account cannot be told apart, not even by the time the answer takes.
 */
export async function disabledCredential(db: Db, username: string): Promise<string | null> {
  const [row] = await db
    .select({ disabled: user.disabled, hash: account.password })
    .from(user)
    .leftJoin(account, and(eq(account.userId, user.id), eq(account.providerId, 'credential')))
    .where(eq(user.username, username.toLowerCase()));
  if (!row?.disabled) return null;
  return row.hash ?? '';
}

/** Spends the time a password check takes (scrypt) whatever the hash; the answer is not used. */
export async function checkPasswordAnyway(hash: string, password: string) {
  if (hash) await verifyPassword({ hash, password }).catch(() => false);
  else await hashPassword(password);
}
