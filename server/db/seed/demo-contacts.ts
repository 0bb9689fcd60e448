import { eq } from 'drizzle-orm';
import type { EmergencyContact } from '../../../shared/emergency-contact.ts';
import { student } from '../schema/index.ts';
import { idOf, type SeedContext } from './demo-context.ts';

/**
 * Emergency contacts already validated by the secretariat (issue 18, item 3): Hugo Lefèvre's, so
 * the demo teacher's choir and FM 1C4 A rosters show them; Lucie has none, for the family to add.
 */
const CONTACTS: Record<string, EmergencyContact[]> = {
  hugo: [
    { name: 'Jacqueline Lefèvre', relation: 'Grand-mère', phone: '06 45 12 78 90', mayPickUp: true },
    { name: 'Sophie Marchand', relation: 'Voisine', phone: '01 30 94 12 34', mayPickUp: false },
  ],
};

export async function seedContacts(ctx: SeedContext): Promise<void> {
  for (const [key, contacts] of Object.entries(CONTACTS)) {
    await ctx.tx.update(student).set({ emergencyContacts: contacts }).where(eq(student.id, idOf(ctx, `student:${key}`)));
  }
}
