import { z } from 'zod';
import { familyIdentitySchema } from './identity-schemas.ts';
import { optionalText } from './schema-parts.ts';

/**
 * What the secretariat sends to create families, teachers and sign-in accounts at the desk
 * (issue 14). The family's fields are the family form's, with its rules; an e-mail is trimmed by
 * the schema and compared in lower case by the server (one account per address).
 */

const email = familyIdentitySchema.shape.email;

/** A new family (the family form's fields) and, if asked, its sign-in account at once. */
export const newFamilySchema = familyIdentitySchema.extend({
  withAccount: z.boolean().default(false),
});
export type NewFamily = z.output<typeof newFamilySchema>;

/**
 * Another account for a family (a second responsible adult): their e-mail, and their names for
 * the identifiant ("prenom.nom"; the family's when left empty).
 */
export const newFamilyAccountSchema = z.object({
  email,
  firstName: optionalText('firstName', 100).default(''),
  lastName: optionalText('lastName', 100).default(''),
});
export type NewFamilyAccount = z.output<typeof newFamilyAccountSchema>;

/** An account's new e-mail (where its password links go). */
export const accountEmailSchema = z.object({ email });

/** A new teacher of the site, who gets a sign-in account at once. */
export const newTeacherSchema = z.object({
  civility: familyIdentitySchema.shape.civility,
  lastName: familyIdentitySchema.shape.lastName,
  firstName: familyIdentitySchema.shape.firstName,
  email,
  /** As the desk writes them ("Piano, formation musicale"); may be completed later. */
  disciplines: optionalText('disciplines', 200).default(''),
});
export type NewTeacher = z.output<typeof newTeacherSchema>;
