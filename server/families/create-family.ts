import { and, eq } from 'drizzle-orm';
import type { NewFamily, NewFamilyAccount } from '../../shared/desk-schemas.ts';
import type { Auth } from '../auth/auth.ts';
import type { Db, Tx } from '../db/client.ts';
import { auditLog, family, site } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { SessionUser } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { announceNewAccount, queueAccountCreatedMail } from './desk-accounts.ts';
import { createAccount, normaliseEmail, unusablePasswordHash } from './new-account.ts';
import { refreshFamilySearch } from './search-key.ts';

/** Where the e-mails' links point, and where the new account's owner is told to go. */
export interface Portal {
  mailer: Mailer;
  auth: Auth;
  portalUrl: string;
}

const siteName = async (tx: Tx, siteId: string) => (await tx.select({ name: site.name }).from(site).where(eq(site.id, siteId)))[0].name;

/**
 * The desk creates a family directly (the family form's fields), version stamped so the sync
 * carries it, audited; with `withAccount`, its sign-in account in the same transaction (identifiant
 * generated; an e-mail already used by an account is the field error `email` and creates nothing),
 * then the owner gets the identifiant and the password link by e-mail.
 */
export async function createFamily(db: Db, portal: Portal, actor: SessionUser, input: NewFamily) {
  const { withAccount, ...identity } = input;
  const passwordHash = withAccount ? await unusablePasswordHash() : '';
  const created = await writeTransaction(db, async (tx) => {
    const version = await nextVersion(tx);
    const email = normaliseEmail(identity.email);
    const [f] = await tx.insert(family).values({ ...identity, email, siteId: actor.siteId, version }).returning({ id: family.id });
    const name = `${identity.firstName} ${identity.lastName}`;
    const account = withAccount
      ? await createAccount(tx, { siteId: actor.siteId, role: 'family', name, email, firstName: identity.firstName, lastName: identity.lastName, familyId: f.id, passwordHash })
      : null;
    await refreshFamilySearch(tx, [f.id]);
    await tx.insert(auditLog).values({
      actorUserId: actor.id, action: 'family.created', targetKind: 'family', targetId: f.id, familyId: f.id, siteId: actor.siteId,
      details: { name, username: account?.username ?? null },
    });
    const mail = account ? await queueAccountCreatedMail(tx, portal.mailer, portal.portalUrl, { name, email, username: account.username, siteId: actor.siteId, siteName: await siteName(tx, actor.siteId) }) : null;
    return { familyId: f.id, account, email, mail };
  });
  if (created.account && created.mail) await announceNewAccount(portal.mailer, portal.auth, created.mail, { email: created.email, username: created.account.username });
  return { familyId: created.familyId, account: created.account };
}

/**
 * Another sign-in account for a family of the site (a second responsible adult): their e-mail
 * (free, or the field error `email`), an identifiant from their names (the family's when not
 * given), audited; its owner gets the identifiant and the password link.
 */
export async function addFamilyAccount(db: Db, portal: Portal, actor: SessionUser, familyId: string, input: NewFamilyAccount) {
  const passwordHash = await unusablePasswordHash();
  const created = await writeTransaction(db, async (tx) => {
    const [f] = await tx.select().from(family).where(and(eq(family.id, familyId), eq(family.siteId, actor.siteId)));
    if (!f) throw notFound('Famille');
    const firstName = input.firstName || f.firstName;
    const lastName = input.lastName || f.lastName;
    const name = `${firstName} ${lastName}`;
    const email = normaliseEmail(input.email);
    const account = await createAccount(tx, { siteId: actor.siteId, role: 'family', name, email, firstName, lastName, familyId: f.id, passwordHash });
    await tx.insert(auditLog).values({
      actorUserId: actor.id, action: 'account.created', targetKind: 'user', targetId: account.id, familyId: f.id, siteId: actor.siteId,
      details: { username: account.username, email },
    });
    const mail = await queueAccountCreatedMail(tx, portal.mailer, portal.portalUrl, { name, email, username: account.username, siteId: actor.siteId, siteName: await siteName(tx, actor.siteId) });
    return { ...account, email, mail };
  });
  await announceNewAccount(portal.mailer, portal.auth, created.mail, created);
  return { id: created.id, username: created.username };
}
