import { and, asc, count, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { FAMILY_SEARCH_LIMIT, searchKey, type FamilySearchAnswer, type FamilySearchRow } from '../../shared/family-search.ts';
import type { Db } from '../db/client.ts';
import { changeRequest, family, familySearch, student, user } from '../db/schema/index.ts';
import { groupBy, staleFamilies } from './search-key.ts';
import { compareFr } from '../../shared/french-order.ts';

/**
 * The families of one site whose name, a student's name, an account's identifiant, the e-mail or
 * the town holds every word typed (accents and case ignored), by name. Searched in SQL on the
 * stored key (family_search, kept by migration 0007's triggers and server/families/search-key.ts):
 * one count and one LIMITed page instead of the whole site per keystroke (docs/performance.md).
 * A family whose key a write left stale is matched here in JavaScript until it is computed again.
 */
export async function searchFamilies(db: Db, siteId: string, query: string): Promise<FamilySearchAnswer> {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  // instr, not LIKE: what is typed may hold % or _, and the key is already lower case.
  const matches: SQL[] = words.map((w) => sql`instr(${familySearch.searchKey}, ${w}) > 0`);
  const fresh = and(eq(familySearch.siteId, siteId), isNotNull(familySearch.searchKey), ...matches);
  const [page, stale] = await Promise.all([
    db
      // The count of every match rides on the page (a window over the matches): one statement, not two.
      .select({ id: family.id, civility: family.civility, lastName: family.lastName, firstName: family.firstName, city: family.city, email: family.email, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(familySearch)
      .innerJoin(family, eq(family.id, familySearch.familyId))
      .where(fresh)
      .orderBy(asc(familySearch.sortKey))
      .limit(FAMILY_SEARCH_LIMIT),
    staleFamilies(db, { siteId }),
  ]);
  const staleMatches = stale.filter((f) => words.every((w) => f.searchKey.includes(w)));
  const total = page[0]?.total ?? 0;
  const families = [...page.map(({ total: _t, ...f }) => f), ...staleMatches.map(({ searchKey: _k, sortKey: _s, siteId: _site, ...f }) => f)]
    .sort((a, b) => compareFr(a.lastName, b.lastName) || compareFr(a.firstName, b.firstName))
    .slice(0, FAMILY_SEARCH_LIMIT);
  return { families: await withDetails(db, siteId, families), total: total + staleMatches.length };
}

type Found = Omit<FamilySearchRow, 'students' | 'usernames' | 'pendingRequests'>;

/** The listed families' students, identifiants and pending requests: for the page only. */
async function withDetails(db: Db, siteId: string, families: Found[]): Promise<FamilySearchRow[]> {
  const ids = families.map((f) => f.id);
  if (!ids.length) return [];
  const [students, accounts, pending] = await Promise.all([
    db.select({ familyId: student.familyId, firstName: student.firstName }).from(student).where(inArray(student.familyId, ids)),
    db.select({ familyId: user.familyId, username: user.username }).from(user).where(and(eq(user.siteId, siteId), inArray(user.familyId, ids))),
    db
      .select({ familyId: changeRequest.familyId, n: count() })
      .from(changeRequest)
      .where(and(inArray(changeRequest.familyId, ids), eq(changeRequest.status, 'pending')))
      .groupBy(changeRequest.familyId),
  ]);
  const studentsOf = groupBy(students, (s) => s.familyId);
  const accountsOf = groupBy(accounts, (a) => a.familyId ?? '');
  const pendingOf = new Map(pending.map((p) => [p.familyId, p.n]));
  return families.map((f) => ({
    ...f,
    students: (studentsOf.get(f.id) ?? []).map((s) => s.firstName).sort(compareFr),
    usernames: (accountsOf.get(f.id) ?? []).map((a) => a.username ?? '').filter(Boolean).sort(),
    pendingRequests: pendingOf.get(f.id) ?? 0,
  }));
}
