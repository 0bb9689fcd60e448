import { and, count, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { schoolYearOf } from '../../shared/school-year.ts';
import { changeRequest, course, document, family, mailOutbox, site, student } from '../db/schema/index.ts';
import { mailOfSite } from '../mail/site-mails.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';

/** The figures of the secretariat's site (/admin); every query is limited to its site. */
export const adminSummaryRoutes = new Hono<AppEnv>().get('/summary', async (c) => {
    const { db } = c.var.deps;
    const siteId = c.var.user.siteId;
    const familyIds = db.select({ id: family.id }).from(family).where(eq(family.siteId, siteId));
    const [[siteRow], [families], [students], [courses], [pendingChanges], [pendingDocuments], [mails]] = await Promise.all([
      db.select({ name: site.name }).from(site).where(eq(site.id, siteId)),
      db.select({ n: count() }).from(family).where(eq(family.siteId, siteId)),
      db.select({ n: count() }).from(student).where(inArray(student.familyId, familyIds)),
      db.select({ n: count() }).from(course).where(and(eq(course.siteId, siteId), eq(course.schoolYear, schoolYearOf(new Date())))),
      db.select({ n: count() }).from(changeRequest).where(and(eq(changeRequest.siteId, siteId), eq(changeRequest.status, 'pending'))),
      db.select({ n: count() }).from(document).where(and(inArray(document.familyId, familyIds), eq(document.status, 'received'))),
      db.select({ n: count() }).from(mailOutbox).where(mailOfSite(db, siteId)),
    ]);
    return sendJson(
      c,
      {
        siteName: siteRow?.name ?? '',
        schoolYear: schoolYearOf(new Date()),
        families: families.n,
        students: students.n,
        courses: courses.n,
        pendingChangeRequests: pendingChanges.n,
        pendingDocuments: pendingDocuments.n,
        mailsSent: mails.n,
      },
      200,
    );
  });
