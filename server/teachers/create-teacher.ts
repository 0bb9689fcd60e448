import { eq } from 'drizzle-orm';
import type { NewTeacher } from '../../shared/desk-schemas.ts';
import type { Db } from '../db/client.ts';
import { auditLog, site, teacher } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { Portal } from '../families/create-family.ts';
import { announceNewAccount, queueAccountCreatedMail } from '../families/desk-accounts.ts';
import { createAccount, normaliseEmail, unusablePasswordHash } from '../families/new-account.ts';
import type { SessionUser } from '../http/context.ts';

/**
 * The desk creates a teacher of its site (version stamped) and their sign-in account (role
 * teacher, identifiant generated) in one transaction, audited: an e-mail already used by an
 * account is the field error `email` and creates nothing. The teacher then gets the identifiant
 * and the link to choose a password by e-mail.
 */
export async function createTeacher(db: Db, portal: Portal, actor: SessionUser, input: NewTeacher) {
  const passwordHash = await unusablePasswordHash();
  const created = await writeTransaction(db, async (tx) => {
    const version = await nextVersion(tx);
    const email = normaliseEmail(input.email);
    const [tc] = await tx.insert(teacher).values({ ...input, email, siteId: actor.siteId, version }).returning({ id: teacher.id });
    const name = `${input.firstName} ${input.lastName}`;
    const account = await createAccount(tx, { siteId: actor.siteId, role: 'teacher', name, email, firstName: input.firstName, lastName: input.lastName, teacherId: tc.id, passwordHash });
    await tx.insert(auditLog).values({
      actorUserId: actor.id, action: 'teacher.created', targetKind: 'teacher', targetId: tc.id, siteId: actor.siteId,
      details: { name, username: account.username, accountId: account.id },
    });
    const [s] = await tx.select({ name: site.name }).from(site).where(eq(site.id, actor.siteId));
    const mail = await queueAccountCreatedMail(tx, portal.mailer, portal.portalUrl, { name, email, username: account.username, siteId: actor.siteId, siteName: s.name });
    return { teacherId: tc.id, account, email, mail };
  });
  await announceNewAccount(portal.mailer, portal.auth, created.mail, { email: created.email, username: created.account.username });
  return { teacherId: created.teacherId, accountId: created.account.id, username: created.account.username };
}
