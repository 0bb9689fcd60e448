import { and, asc, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { FAMILY_SEARCH_LIMIT, searchKey, type FamilySearchAnswer, type FamilySearchRow } from '../../shared/family-search.ts';
import type { Db } from '../db/client.ts';
import { changeRequest, family, student, user } from '../db/schema/index.ts';

/**
 * The families of one site whose name, a student's name, an account's identifiant or the e-mail
 * holds every word typed (accents and case ignored), by name. A site has at most a few thousand
 * families: four queries and a filter here beat a LIKE that SQLite cannot make
 * accent-insensitive.
 */
export async function searchFamilies(db: Db, siteId: string, query: string): Promise<FamilySearchAnswer> {
  const families = await db
    .select({ id: family.id, civility: family.civility, lastName: family.lastName, firstName: family.firstName, city: family.city, email: family.email })
    .from(family)
    .where(eq(family.siteId, siteId))
    .orderBy(asc(family.lastName), asc(family.firstName));
  const ids = families.map((f) => f.id);
  const [students, accounts, pending] = ids.length
    ? await Promise.all([
        db.select({ familyId: student.familyId, firstName: student.firstName, lastName: student.lastName }).from(student).where(inArray(student.familyId, ids)),
        db.select({ familyId: user.familyId, username: user.username }).from(user).where(and(eq(user.siteId, siteId), isNotNull(user.familyId))),
        db
          .select({ familyId: changeRequest.familyId, n: count() })
          .from(changeRequest)
          .where(and(eq(changeRequest.siteId, siteId), eq(changeRequest.status, 'pending')))
          .groupBy(changeRequest.familyId),
      ])
    : [[], [], []];

  const words = searchKey(query).split(/\s+/).filter(Boolean);
  // Grouped once: filtering the site's students and accounts per family was quadratic (docs/performance.md).
  const studentsOf = groupBy(students, (s) => s.familyId);
  const accountsOf = groupBy(accounts, (a) => a.familyId ?? '');
  const pendingOf = new Map(pending.map((p) => [p.familyId, p.n]));
  const rows: FamilySearchRow[] = [];
  for (const f of families) {
    const own = studentsOf.get(f.id) ?? [];
    const usernames = (accountsOf.get(f.id) ?? []).map((a) => a.username ?? '').filter(Boolean);
    const haystack = searchKey([f.lastName, f.firstName, f.email, f.city, ...own.flatMap((s) => [s.firstName, s.lastName]), ...usernames].join(' '));
    if (!words.every((w) => haystack.includes(w))) continue;
    rows.push({
      ...f,
      students: own.map((s) => s.firstName).sort((a, b) => a.localeCompare(b, 'fr')),
      usernames: usernames.sort(),
      pendingRequests: pendingOf.get(f.id) ?? 0,
    });
  }
  rows.sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'));
  return { families: rows.slice(0, FAMILY_SEARCH_LIMIT), total: rows.length };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
