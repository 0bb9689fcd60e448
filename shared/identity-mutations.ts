/**
 * The push mutation's name for a family's identity edit, apart from its schema
 * (identity-schemas.ts): the outbox and the screens' overlay read it on every signed-in page, and
 * a name must not bring zod into a page that only reads (docs/performance.md).
 */
export const IDENTITY_CHANGE = 'requestIdentityChange';

/**
 * The field of a student's change request that holds the emergency contacts (the family asks for
 * the whole list; emergency-contact-change.ts has its schema), here for the same reason.
 */
export const EMERGENCY_CONTACTS_FIELD = 'emergencyContacts';
