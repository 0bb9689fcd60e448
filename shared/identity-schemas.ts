import { z } from 'zod';
import { CIVILITIES } from './civilities.ts';
import { vmsg, type FieldName } from './validation-messages.ts';

/**
 * The identity fields of a family's responsible adult and of a student, with their French
 * validation messages (each with its code: shared/validation-messages.ts). The browser validates an edit with these before queuing it; the server
 * validates the pushed mutation (and the secretariat's direct edits) with the same schemas.
 *
 * Contact fields may be left empty (many families have no work phone); when filled they must be
 * valid. Names are required. Phone numbers are accepted with spaces, dots, dashes or +33 and are
 * stored in one form: "01 23 45 67 89".
 */

export { CIVILITIES } from './civilities.ts';

const requiredText = (field: FieldName, max = 100) =>
  z
    .string({ error: vmsg('required', { field }) })
    .trim()
    .min(1, { error: vmsg('required', { field }) })
    .max(max, { error: vmsg('tooLong', { field, max }) });

const optionalText = (field: FieldName, max = 200) =>
  z.string({ error: vmsg('notText', { field }) }).trim().max(max, { error: vmsg('tooLong', { field, max }) });

const civility = z.enum(CIVILITIES, { error: vmsg('civility') });

export const postalCode = optionalText('postalCode', 5).refine((v) => v === '' || /^\d{5}$/.test(v), {
  error: vmsg('postalCode'),
});

/** "01.23.45.67.89", "0123456789", "+33 1 23 45 67 89" → "01 23 45 67 89"; null when it is not a French number. */
export function normalisePhone(value: string): string | null {
  const compact = value.replace(/[\s.\-()]/g, '');
  const match = /^(?:\+33|0033|0)([1-9]\d{8})$/.exec(compact);
  if (!match) return null;
  return ('0' + match[1]).replace(/(\d{2})(?=\d)/g, '$1 ');
}

const phone = (field: FieldName, opts: { mobile?: boolean } = {}) =>
  optionalText(field, 30).transform((value, ctx) => {
    if (value === '') return '';
    const normalised = normalisePhone(value);
    if (!normalised) {
      ctx.addIssue({ code: 'custom', message: vmsg('phone', { field }) });
      return z.NEVER;
    }
    if (opts.mobile && !/^0[67]/.test(normalised)) {
      ctx.addIssue({ code: 'custom', message: vmsg('mobile') });
      return z.NEVER;
    }
    return normalised;
  });

const email = (required: boolean) =>
  z
    .string({ error: vmsg('required', { field: 'email' }) })
    .trim()
    .max(200, { error: vmsg('emailTooLong', { max: 200 }) })
    .superRefine((value, ctx) => {
      if (value === '') {
        if (required) ctx.addIssue({ code: 'custom', message: vmsg('required', { field: 'email' }) });
        return;
      }
      if (!z.email().safeParse(value).success) ctx.addIssue({ code: 'custom', message: vmsg('email') });
    });

/** Today as YYYY-MM-DD in local time (a birth date typed today is not "in the future"). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const birthDate = z
  .string({ error: vmsg('required', { field: 'birthDate' }) })
  .trim()
  .superRefine((value, ctx) => {
    if (value === '') return void ctx.addIssue({ code: 'custom', message: vmsg('required', { field: 'birthDate' }) });
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!m || !date || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) {
      return void ctx.addIssue({ code: 'custom', message: vmsg('birthDateInvalid') });
    }
    if (value > today()) return void ctx.addIssue({ code: 'custom', message: vmsg('birthDateFuture') });
    if (+m[1] < 1900) ctx.addIssue({ code: 'custom', message: vmsg('birthDateTooOld', { year: 1900 }) });
  });

const contactShape = {
  address: optionalText('address'),
  postalCode,
  city: optionalText('city', 100),
  phoneHome: phone('phoneHome'),
  phoneWork: phone('phoneWork'),
  mobile: phone('mobile', { mobile: true }),
};

/** The responsible adult's identity ("Famille → Identité"). */
export const familyIdentitySchema = z.object({
  civility,
  lastName: requiredText('lastName'),
  firstName: requiredText('firstName'),
  ...contactShape,
  email: email(true),
  smsOptIn: z.boolean({ error: vmsg('smsOptIn') }),
});
export type FamilyIdentity = z.output<typeof familyIdentitySchema>;

/** A student's identity ("Élèves → Identité"). */
export const studentIdentitySchema = z.object({
  civility,
  lastName: requiredText('lastName'),
  firstName: requiredText('firstName'),
  birthDate,
  birthPlace: optionalText('birthPlace', 100),
  useFamilyContact: z.boolean({ error: vmsg('useFamilyContact') }),
  ...contactShape,
  email: email(false),
  school: optionalText('school', 150),
  schoolLevel: optionalText('schoolLevel', 50),
});
export type StudentIdentity = z.output<typeof studentIdentitySchema>;

export type IdentityKind = 'family' | 'student';
export const FAMILY_FIELDS = Object.keys(familyIdentitySchema.shape) as Array<keyof FamilyIdentity>;
export const STUDENT_FIELDS = Object.keys(studentIdentitySchema.shape) as Array<keyof StudentIdentity>;
/** The contact fields a student's "Utiliser les coordonnées du responsable" hides. */
export const STUDENT_CONTACT_FIELDS = ['address', 'postalCode', 'city', 'phoneHome', 'phoneWork', 'mobile', 'email'] as const;

/** An edit: only the fields that changed, each validated like the full record (strict: no unknown field). */
export const familyIdentityPatchSchema = familyIdentitySchema.partial().strict();
export const studentIdentityPatchSchema = studentIdentitySchema.partial().strict();
export const identityPatchSchemas = { family: familyIdentityPatchSchema, student: studentIdentityPatchSchema } as const;

export type IdentityValue = string | boolean;

/** A field whose value is a list of small records (a student's emergency contacts), bounded before its own schema reads it. */
const listValue = z.array(z.record(z.string().max(20), z.union([z.string().max(200), z.boolean()]))).max(12);

/** The payload of the `requestIdentityChange` mutation. */
export const identityChangeArgsSchema = z.object({
  targetKind: z.enum(['family', 'student'], { error: 'Type de fiche inconnu.' }),
  targetId: z.string().min(1).max(100),
  /** The values asked for, changed fields only (a list: a student's emergency contacts, shared/emergency-contact-change.ts checks it). */
  values: z.record(z.string(), z.union([z.string(), z.boolean(), listValue])),
  /** For each changed field, the value the family started from (what its form showed on file). */
  from: z.record(z.string().max(50), z.union([z.string().max(500), z.boolean(), z.null(), listValue])).default({}),
});
export type IdentityChangeArgs = z.input<typeof identityChangeArgsSchema>;

export { IDENTITY_CHANGE } from './identity-mutations.ts';

/** Secretariat decisions: the fields concerned (all pending ones when absent) and, to refuse, a reason. */
const decidedFields = z.array(z.string().min(1).max(50)).min(1).max(30).optional();
export const approveSchema = z.object({ fields: decidedFields });
export const refuseSchema = z.object({
  fields: decidedFields,
  reason: z
    .string({ error: vmsg('required', { field: 'refuseReason' }) })
    .trim()
    .min(1, { error: vmsg('required', { field: 'refuseReason' }) })
    .max(500, { error: vmsg('reasonTooLong', { max: 500 }) }),
});
