import { z } from 'zod';

/**
 * The identity fields of a family's responsible adult and of a student, with their French
 * validation messages. The browser validates an edit with these before queuing it; the server
 * validates the pushed mutation (and the secretariat's direct edits) with the same schemas.
 *
 * Contact fields may be left empty (many families have no work phone); when filled they must be
 * valid. Names are required. Phone numbers are accepted with spaces, dots, dashes or +33 and are
 * stored in one form: "01 23 45 67 89".
 */

export const CIVILITIES = ['M.', 'Mme'] as const;

const requiredText = (label: string, max = 100) =>
  z
    .string({ error: `Le champ « ${label} » est obligatoire.` })
    .trim()
    .min(1, { error: `Le champ « ${label} » est obligatoire.` })
    .max(max, { error: `Le champ « ${label} » ne peut dépasser ${max} caractères.` });

const optionalText = (label: string, max = 200) =>
  z.string({ error: `Le champ « ${label} » doit être un texte.` }).trim().max(max, { error: `Le champ « ${label} » ne peut dépasser ${max} caractères.` });

const civility = z.enum(CIVILITIES, { error: 'Choisissez une civilité : « M. » ou « Mme ».' });

export const postalCode = optionalText('Code postal', 5).refine((v) => v === '' || /^\d{5}$/.test(v), {
  error: 'Le code postal doit comporter 5 chiffres, par exemple 78200.',
});

/** "01.23.45.67.89", "0123456789", "+33 1 23 45 67 89" → "01 23 45 67 89"; null when it is not a French number. */
export function normalisePhone(value: string): string | null {
  const compact = value.replace(/[\s.\-()]/g, '');
  const match = /^(?:\+33|0033|0)([1-9]\d{8})$/.exec(compact);
  if (!match) return null;
  return ('0' + match[1]).replace(/(\d{2})(?=\d)/g, '$1 ');
}

const phone = (label: string, opts: { mobile?: boolean } = {}) =>
  optionalText(label, 30).transform((value, ctx) => {
    if (value === '') return '';
    const normalised = normalisePhone(value);
    if (!normalised) {
      ctx.addIssue({ code: 'custom', message: `Le champ « ${label} » doit être un numéro français à 10 chiffres, par exemple 01 23 45 67 89.` });
      return z.NEVER;
    }
    if (opts.mobile && !/^0[67]/.test(normalised)) {
      ctx.addIssue({ code: 'custom', message: 'Le numéro de mobile doit commencer par 06 ou 07, par exemple 06 12 34 56 78.' });
      return z.NEVER;
    }
    return normalised;
  });

const emailMessage = 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.';
const email = (required: boolean) =>
  z
    .string({ error: 'Le champ « E-mail » est obligatoire.' })
    .trim()
    .max(200, { error: 'L’adresse e-mail ne peut dépasser 200 caractères.' })
    .superRefine((value, ctx) => {
      if (value === '') {
        if (required) ctx.addIssue({ code: 'custom', message: 'Le champ « E-mail » est obligatoire.' });
        return;
      }
      if (!z.email().safeParse(value).success) ctx.addIssue({ code: 'custom', message: emailMessage });
    });

/** Today as YYYY-MM-DD in local time (a birth date typed today is not "in the future"). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const birthDate = z
  .string({ error: 'Le champ « Date de naissance » est obligatoire.' })
  .trim()
  .superRefine((value, ctx) => {
    if (value === '') return void ctx.addIssue({ code: 'custom', message: 'Le champ « Date de naissance » est obligatoire.' });
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!m || !date || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) {
      return void ctx.addIssue({ code: 'custom', message: 'La date de naissance n’est pas une date valide (jour, mois, année).' });
    }
    if (value > today()) return void ctx.addIssue({ code: 'custom', message: 'La date de naissance ne peut pas être dans le futur.' });
    if (+m[1] < 1900) ctx.addIssue({ code: 'custom', message: 'La date de naissance doit être postérieure à 1900.' });
  });

const contactShape = {
  address: optionalText('Adresse'),
  postalCode,
  city: optionalText('Ville', 100),
  phoneHome: phone('Téléphone domicile'),
  phoneWork: phone('Téléphone professionnel'),
  mobile: phone('Mobile', { mobile: true }),
};

/** The responsible adult's identity ("Famille → Identité"). */
export const familyIdentitySchema = z.object({
  civility,
  lastName: requiredText('Nom'),
  firstName: requiredText('Prénom'),
  ...contactShape,
  email: email(true),
  smsOptIn: z.boolean({ error: 'Indiquez si vous souhaitez recevoir les SMS.' }),
});
export type FamilyIdentity = z.output<typeof familyIdentitySchema>;

/** A student's identity ("Élèves → Identité"). */
export const studentIdentitySchema = z.object({
  civility,
  lastName: requiredText('Nom'),
  firstName: requiredText('Prénom'),
  birthDate,
  birthPlace: optionalText('Lieu de naissance', 100),
  useFamilyContact: z.boolean({ error: 'Indiquez si l’élève utilise les coordonnées du responsable.' }),
  ...contactShape,
  email: email(false),
  school: optionalText('Établissement scolaire', 150),
  schoolLevel: optionalText('Niveau scolaire', 50),
});
export type StudentIdentity = z.output<typeof studentIdentitySchema>;

export type IdentityKind = 'family' | 'student';
export const FAMILY_FIELDS = Object.keys(familyIdentitySchema.shape) as Array<keyof FamilyIdentity>;
export const STUDENT_FIELDS = Object.keys(studentIdentitySchema.shape) as Array<keyof StudentIdentity>;
export const IDENTITY_FIELDS: Record<IdentityKind, readonly string[]> = { family: FAMILY_FIELDS, student: STUDENT_FIELDS };
/** The contact fields a student's "Utiliser les coordonnées du responsable" hides. */
export const STUDENT_CONTACT_FIELDS = ['address', 'postalCode', 'city', 'phoneHome', 'phoneWork', 'mobile', 'email'] as const;

/** An edit: only the fields that changed, each validated like the full record (strict: no unknown field). */
export const familyIdentityPatchSchema = familyIdentitySchema.partial().strict();
export const studentIdentityPatchSchema = studentIdentitySchema.partial().strict();
export const identityPatchSchemas = { family: familyIdentityPatchSchema, student: studentIdentityPatchSchema } as const;

export type IdentityValue = string | boolean;

/** The payload of the `requestIdentityChange` mutation. */
export const identityChangeArgsSchema = z.object({
  targetKind: z.enum(['family', 'student'], { error: 'Type de fiche inconnu.' }),
  targetId: z.string().min(1).max(100),
  /** The values asked for, changed fields only. */
  values: z.record(z.string(), z.union([z.string(), z.boolean()])),
  /** For each changed field, the value the family started from (what its form showed on file). */
  from: z.record(z.string().max(50), z.union([z.string().max(500), z.boolean(), z.null()])).default({}),
});
export type IdentityChangeArgs = z.input<typeof identityChangeArgsSchema>;

export const IDENTITY_CHANGE = 'requestIdentityChange';

/** Secretariat decisions: the fields concerned (all pending ones when absent) and, to refuse, a reason. */
const decidedFields = z.array(z.string().min(1).max(50)).min(1).max(30).optional();
export const approveSchema = z.object({ fields: decidedFields });
export const refuseSchema = z.object({
  fields: decidedFields,
  reason: z
    .string({ error: 'Le champ « Motif du refus » est obligatoire.' })
    .trim()
    .min(1, { error: 'Le champ « Motif du refus » est obligatoire.' })
    .max(500, { error: 'Le motif ne peut dépasser 500 caractères.' }),
});
