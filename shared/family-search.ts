import { z } from 'zod';

/** The secretariat's family search (`/admin/familles?q=`): what is typed, and what comes back. */
export const FAMILY_SEARCH_MAX = 100;
export const FAMILY_SEARCH_LIMIT = 50;

export const familySearchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(FAMILY_SEARCH_MAX, `La recherche tient en ${FAMILY_SEARCH_MAX} caractères au plus.`)
    .default(''),
});

export interface FamilySearchRow {
  id: string;
  civility: string;
  lastName: string;
  firstName: string;
  city: string;
  email: string;
  /** First names of the family's students, in alphabetical order. */
  students: string[];
  /** The identifiants of the family's accounts. */
  usernames: string[];
  pendingRequests: number;
}

export interface FamilySearchAnswer {
  families: FamilySearchRow[];
  /** How many families matched (more than `families.length` when the list was cut). */
  total: number;
}

/** Lower case without accents, so "lefevre" finds "Lefèvre" and "ÉLOÏSE" finds "Éloïse". */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}
