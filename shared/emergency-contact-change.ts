import { studentIdentitySchema } from './identity-schemas.ts';
import { emergencyContactsSchema } from './emergency-contact.ts';
import { EMERGENCY_CONTACTS_FIELD } from './identity-mutations.ts';

/** The field of a student's change request that holds the emergency contacts (identity-mutations.ts). */
export { EMERGENCY_CONTACTS_FIELD };

/**
 * A student's identity edit as the server accepts it: the identity fields plus the emergency
 * contacts, each optional (only what changed), strict (no unknown field). The identity form
 * never sends the list; the contacts page sends only the list.
 */
export const studentChangePatchSchema = studentIdentitySchema.extend({ [EMERGENCY_CONTACTS_FIELD]: emergencyContactsSchema }).partial().strict();

/** Only the list, as the contacts page validates it before queuing. */
export const emergencyContactsPatchSchema = studentChangePatchSchema.pick({ [EMERGENCY_CONTACTS_FIELD]: true });
