import { schoolYearOf } from '../../../shared/school-year.ts';
import { writeTransaction } from '../write-transaction.ts';
import type { Db } from '../client.ts';
import { site } from '../schema/index.ts';
import { nextVersion } from '../versioning.ts';
import { demoAccounts, hashPasswords, seedAccounts } from './demo-accounts.ts';
import { seedBilling } from './demo-billing.ts';
import { seedContacts } from './demo-contacts.ts';
import type { SeedContext } from './demo-context.ts';
import { seedDocuments } from './demo-documents.ts';
import { CLASSMATE_FAMILIES } from './demo-classmates.ts';
import { GARNIER, MARTIN, OTHER_MANTES_FAMILIES } from './demo-families.ts';
import { LEFEVRE } from './demo-lefevre.ts';
import { seedPeople } from './demo-people.ts';
import { seedTeaching } from './demo-teaching.ts';
import { seedReenrolment } from './demo-reenrolment.ts';
import { seedCalendar } from './demo-calendar.ts';
import { refreshFamilySearch } from '../../families/search-key.ts';

/** The demo accounts' passwords (docs/contract.md). */
export const DEMO_PASSWORDS = {
  family: 'Portee-demo-2026',
  secretariat: 'Portee-admin-2026',
  teacher: 'Portee-prof-2026',
} as const;

/**
 * Fills an empty database with a fictional conservatory: two sites (Mantes, Limay), their
 * teachers, rooms and courses for the current school year and the three before it, the demo
 * families with their history and billing, and the demo accounts.
 *
 * Dates are placed relative to the school year of `now` (default: today), so the data stays
 * "current" whatever the year. Everything is written in one transaction, every synced row stamped
 * with one version; the passwords are hashed before it opens, scrypt being slow by design.
 */
export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  const startYear = Number(schoolYearOf(now).slice(0, 4));
  const hashes = await hashPasswords(DEMO_PASSWORDS);

  await writeTransaction(db, async (tx) => {
    const ctx: SeedContext = { tx, version: await nextVersion(tx), now, startYear, ids: new Map() };
    await seedTeaching(ctx);
    await seedPeople(ctx, [LEFEVRE, MARTIN, ...OTHER_MANTES_FAMILIES, ...CLASSMATE_FAMILIES, GARNIER]);
    await seedContacts(ctx);
    await seedBilling(ctx);
    await seedAccounts(ctx, demoAccounts({ demo: LEFEVRE, martin: MARTIN, limay: GARNIER }), hashes);
    await seedDocuments(ctx, ctx.ids.get('user:secretariat.demo')!);
    await seedReenrolment(ctx);
    await seedCalendar(ctx);
    await refreshFamilySearch(tx);
  });
}

/** True when nothing has been seeded yet (no site exists). */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: site.id }).from(site).limit(1);
  return rows.length === 0;
}
