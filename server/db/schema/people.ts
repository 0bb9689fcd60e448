import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { EmergencyContact } from '../../../shared/emergency-contact.ts';
import { id, version } from './columns.ts';
import { site } from './sites.ts';

/** Contact fields shared by the family's responsible adult and a student's own details. */
const contact = () => ({
  address: text('address').notNull().default(''),
  postalCode: text('postal_code').notNull().default(''),
  city: text('city').notNull().default(''),
  phoneHome: text('phone_home').notNull().default(''),
  phoneWork: text('phone_work').notNull().default(''),
  mobile: text('mobile').notNull().default(''),
  email: text('email').notNull().default(''),
});

/** A family and its responsible adult's identity (the "Famille → Identité" screen). */
export const family = sqliteTable(
  'family',
  {
    id: id(),
    siteId: text('site_id').notNull().references(() => site.id),
    civility: text('civility').notNull().default(''),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    ...contact(),
    smsOptIn: integer('sms_opt_in', { mode: 'boolean' }).notNull().default(false),
    version: version(),
  },
  (t) => [index('family_site_idx').on(t.siteId), index('family_version_idx').on(t.version)],
);

/** A student, attached to one family. */
export const student = sqliteTable(
  'student',
  {
    id: id(),
    familyId: text('family_id').notNull().references(() => family.id),
    civility: text('civility').notNull().default(''),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    birthDate: text('birth_date').notNull(),
    birthPlace: text('birth_place').notNull().default(''),
    useFamilyContact: integer('use_family_contact', { mode: 'boolean' }).notNull().default(true),
    ...contact(),
    school: text('school').notNull().default(''),
    schoolLevel: text('school_level').notNull().default(''),
    /** People to call, and who may pick the student up (shared/emergency-contact.ts); reviewed like the identity. */
    emergencyContacts: text('emergency_contacts', { mode: 'json' }).notNull().default([]).$type<EmergencyContact[]>(),
    version: version(),
  },
  (t) => [index('student_family_idx').on(t.familyId), index('student_version_idx').on(t.version)],
);

export const teacher = sqliteTable(
  'teacher',
  {
    id: id(),
    siteId: text('site_id').notNull().references(() => site.id),
    civility: text('civility').notNull().default(''),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    email: text('email').notNull().default(''),
    /** The disciplines taught, as the desk writes them ("Piano, formation musicale"). */
    disciplines: text('disciplines').notNull().default(''),
    version: version(),
  },
  (t) => [index('teacher_site_idx').on(t.siteId)],
);
