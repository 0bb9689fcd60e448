import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { family, mailOutbox, student, user } from '../db/schema/index.ts';

/**
 * A site's mails, for its desk (the list at /admin/messages, sending one again, the count on
 * /admin): those written for it. Every mail since migration 0010 names its site, an applicant's
 * included, so one site never reads another's even when an address is a family's at both. Older
 * rows name none: they are matched by address, to the site's accounts, families and students.
 */
export function mailOfSite(db: Db, siteId: string) {
  const familyIds = db.select({ id: family.id }).from(family).where(eq(family.siteId, siteId));
  return or(
    eq(mailOutbox.siteId, siteId),
    and(
      isNull(mailOutbox.siteId),
      or(
        inArray(mailOutbox.to, db.select({ email: user.email }).from(user).where(eq(user.siteId, siteId))),
        inArray(mailOutbox.to, db.select({ email: family.email }).from(family).where(eq(family.siteId, siteId))),
        inArray(mailOutbox.to, db.select({ email: student.email }).from(student).where(inArray(student.familyId, familyIds))),
      ),
    ),
  );
}
