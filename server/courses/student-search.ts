import { asc, eq } from 'drizzle-orm';
import { STUDENT_SEARCH_LIMIT } from '../../shared/course-schemas.ts';
import { searchKey } from '../../shared/family-search.ts';
import type { Db } from '../db/client.ts';
import { family, student } from '../db/schema/index.ts';

/**
 * The site's students whose first and last names hold every word typed (accents and case
 * ignored, as the family search), by name, at most STUDENT_SEARCH_LIMIT of them. Nothing typed
 * finds nobody: the desk picks a student, it does not browse them all.
 */
export async function searchStudents(db: Db, siteId: string, query: string) {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (!words.length) return { students: [], total: 0 };
  const rows = await db
    .select({ id: student.id, firstName: student.firstName, lastName: student.lastName, birthDate: student.birthDate, familyId: family.id, familyName: family.lastName })
    .from(student)
    .innerJoin(family, eq(family.id, student.familyId))
    .where(eq(family.siteId, siteId))
    .orderBy(asc(student.lastName), asc(student.firstName));
  const found = rows.filter((s) => {
    const haystack = searchKey(`${s.firstName} ${s.lastName}`);
    return words.every((w) => haystack.includes(w));
  });
  return { students: found.slice(0, STUDENT_SEARCH_LIMIT), total: found.length };
}
