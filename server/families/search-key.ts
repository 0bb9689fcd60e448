import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { searchKey } from '../../shared/family-search.ts';
import type { Db, Tx } from '../db/client.ts';
import { family, familySearch, student, user } from '../db/schema/index.ts';

/** What a family is searched by: its names, e-mail and town, its students' names, its identifiants. */
export interface SearchedFamily {
  lastName: string;
  firstName: string;
  email: string;
  city: string;
}

/** The family's search key (accent-free, lower case): every word typed must be found in it. */
export function familySearchKey(f: SearchedFamily, students: Array<{ firstName: string; lastName: string }>, usernames: string[]): string {
  return searchKey([f.lastName, f.firstName, f.email, f.city, ...students.flatMap((s) => [s.firstName, s.lastName]), ...usernames].join(' '));
}

/** The list's order, accent-free: SQL sorts by it so a LIMIT keeps the families the list starts with. */
export function familySortKey(f: { lastName: string; firstName: string }): string {
  return `${searchKey(f.lastName)}\u0001${searchKey(f.firstName)}`;
}

/** The stale families (key blanked by a trigger of migration 0007) of a site, or of the ones named. */
export async function staleFamilies(db: Db | Tx, where: { siteId?: string; familyIds?: string[] }) {
  const families = await db
    .select({ id: family.id, siteId: family.siteId, civility: family.civility, lastName: family.lastName, firstName: family.firstName, city: family.city, email: family.email })
    .from(familySearch)
    .innerJoin(family, eq(family.id, familySearch.familyId))
    .where(
      and(
        isNull(familySearch.searchKey),
        where.siteId ? eq(familySearch.siteId, where.siteId) : undefined,
        where.familyIds ? inArray(familySearch.familyId, where.familyIds) : undefined,
      ),
    );
  const ids = families.map((f) => f.id);
  if (!ids.length) return [];
  const [students, accounts] = await Promise.all([
    db.select({ familyId: student.familyId, firstName: student.firstName, lastName: student.lastName }).from(student).where(inArray(student.familyId, ids)),
    // By site too: accounts are indexed by (site, family).
    db
      .select({ familyId: user.familyId, username: user.username })
      .from(user)
      .where(and(inArray(user.siteId, [...new Set(families.map((f) => f.siteId))]), inArray(user.familyId, ids), isNotNull(user.username))),
  ]);
  // Grouped once: at start every family is stale, and filtering per family would be quadratic.
  const studentsOf = groupBy(students, (s) => s.familyId);
  const usernamesOf = groupBy(accounts, (a) => a.familyId ?? '');
  return families.map((f) => {
    const own = studentsOf.get(f.id) ?? [];
    const usernames = (usernamesOf.get(f.id) ?? []).map((a) => a.username ?? '');
    return { ...f, searchKey: familySearchKey(f, own, usernames), sortKey: familySortKey(f) };
  });
}

/**
 * Computes the stale search keys again (all of them, or the named families'): called by the
 * writes that change a searched field, in their transaction, and once at the server's start.
 * Idempotent, so two processes doing it at once write the same thing.
 */
export async function refreshFamilySearch(tx: Db | Tx, familyIds?: string[]): Promise<number> {
  if (familyIds && !familyIds.length) return 0;
  const stale = await staleFamilies(tx, { familyIds });
  for (const f of stale) {
    await tx.update(familySearch).set({ searchKey: f.searchKey, sortKey: f.sortKey }).where(eq(familySearch.familyId, f.id));
  }
  return stale.length;
}

export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
