import { z } from 'zod';
import { birthDate, familyIdentitySchema } from './identity-schemas.ts';
import { optionalText } from './schema-parts.ts';
import { vmsg } from './validation-messages.ts';

/**
 * A new family's application (`/preinscription`, public): the responsible adult with the family
 * form's fields and rules, one or more children with their wished disciplines, a comment, and the
 * consent to the processing of the data. Checked by the browser before sending and by the server.
 */
export const MAX_CHILDREN = 8;
export const MAX_DISCIPLINES = 3;
export const LEVELS = ['debutant', '1er-cycle', '2e-cycle', '3e-cycle', 'adulte'] as const;

export const preregistrationChildSchema = z.object({
  firstName: familyIdentitySchema.shape.firstName,
  lastName: familyIdentitySchema.shape.lastName,
  birthDate,
  /** Course catalogue names (GET /api/preregistration/catalogue), e.g. "Piano", "Formation musicale". */
  disciplines: z
    .array(optionalText('disciplines', 100).pipe(z.string().min(1, { error: vmsg('required', { field: 'disciplines' }) })))
    .min(1, { error: vmsg('disciplinesCount', { max: MAX_DISCIPLINES }) })
    .max(MAX_DISCIPLINES, { error: vmsg('disciplinesCount', { max: MAX_DISCIPLINES }) }),
  level: z.enum(LEVELS, { error: vmsg('required', { field: 'level' }) }),
  availability: optionalText('availability', 500).default(''),
});

export const preregistrationResponsibleSchema = familyIdentitySchema
  .pick({ civility: true, lastName: true, firstName: true, address: true, postalCode: true, city: true, mobile: true, email: true })
  .extend({ smsOptIn: z.boolean().default(false) });

export const preregistrationSchema = z.object({
  siteId: z.string().min(1, { error: vmsg('required', { field: 'siteId' }) }).max(64),
  responsible: preregistrationResponsibleSchema,
  children: z
    .array(preregistrationChildSchema)
    .min(1, { error: vmsg('childrenCount', { max: MAX_CHILDREN }) })
    .max(MAX_CHILDREN, { error: vmsg('childrenCount', { max: MAX_CHILDREN }) }),
  comment: optionalText('comment', 2000).default(''),
  consent: z.literal(true, { error: vmsg('consentRequired') }),
  /** The signed token of GET /api/preregistration/form (when the form was opened: minimum fill time). */
  formToken: z.string().max(200),
  /**
   * The honeypot: a field no person sees or hears (hidden from screen readers too); a robot that
   * fills every input fills it. Not empty → the application is dropped silently.
   */
  website: z.string().max(500).default(''),
});
export type PreregistrationInput = z.input<typeof preregistrationSchema>;
export type Preregistration = z.output<typeof preregistrationSchema>;

/** The secretariat's refusal: a reason the family reads in the e-mail. */
export const preregistrationRefuseSchema = z.object({
  reason: optionalText('refuseReason', 1000).pipe(z.string().min(1, { error: vmsg('reasonRequired') })),
});

/** Accepting: a new family, or attached to an existing one of the site (a duplicate). */
export const preregistrationAcceptSchema = z.object({
  attachToFamilyId: z.string().min(8).max(64).optional(),
});

export const PREREGISTRATION_STATUSES = ['new', 'in_progress', 'accepted', 'refused'] as const;
