import { z } from 'zod';
import { normalisePhone } from './identity-schemas.ts';
import { optionalText, requiredText } from './schema-parts.ts';
import { vmsg } from './validation-messages.ts';

/**
 * A person to call in an emergency, or allowed to pick a student up after the lesson (issue 18,
 * item 3). Stored as a list on the student's record (`student.emergency_contacts`, JSON), so it
 * is edited, sent for review and validated by the secretariat like the rest of the identity.
 */
export interface EmergencyContact {
  name: string;
  /** "Grand-mère", "Voisin"… */
  relation: string;
  phone: string;
  /** May take the child home after the lesson. */
  mayPickUp: boolean;
}

/** Enough for the people a family names; bounds what one change request may carry. */
export const MAX_EMERGENCY_CONTACTS = 6;

/** The phone is what makes a contact useful: required, a French number stored "06 12 34 56 78" like the identity's. */
const contactPhone = z
  .string({ error: vmsg('required', { field: 'contactPhone' }) })
  .trim()
  .max(30, { error: vmsg('phone', { field: 'contactPhone' }) })
  .transform((value, ctx) => {
    if (value === '') {
      ctx.addIssue({ code: 'custom', message: vmsg('required', { field: 'contactPhone' }) });
      return z.NEVER;
    }
    const normalised = normalisePhone(value);
    if (!normalised) {
      ctx.addIssue({ code: 'custom', message: vmsg('phone', { field: 'contactPhone' }) });
      return z.NEVER;
    }
    return normalised;
  });

export const emergencyContactSchema = z
  .object({
    name: requiredText('contactName', 80),
    relation: optionalText('contactRelation', 40),
    phone: contactPhone,
    mayPickUp: z.boolean({ error: vmsg('mayPickUp') }),
  })
  .strict();

/** The whole list, as the family sends it and the secretariat approves it (an empty list clears it). */
export const emergencyContactsSchema = z
  .array(emergencyContactSchema)
  .max(MAX_EMERGENCY_CONTACTS, { error: vmsg('contactsTooMany', { max: MAX_EMERGENCY_CONTACTS }) });

// The stored type and the schema's output stay one.
const _sameShape: EmergencyContact[] = [] as z.output<typeof emergencyContactsSchema>;
void _sameShape;

/** Two lists are the same when every contact is, in order (key order in JSON does not count). */
export function sameContacts(a: readonly EmergencyContact[], b: readonly EmergencyContact[]): boolean {
  return a.length === b.length && a.every((c, i) => c.name === b[i].name && c.relation === b[i].relation && c.phone === b[i].phone && c.mayPickUp === b[i].mayPickUp);
}
