import { z } from 'zod';

/** The kinds of supporting documents a site asks for, as the secretariat manages them. */
const label = z
  .string({ error: 'Le champ « Libellé » est obligatoire.' })
  .trim()
  .min(1, { error: 'Le champ « Libellé » est obligatoire.' })
  .max(100, { error: 'Le libellé ne doit pas dépasser 100 caractères.' });

export const createDocumentKindSchema = z.object({
  label,
  owner: z.enum(['family', 'student'], { error: 'Choisissez pour qui ce document est demandé : la famille ou chaque élève.' }),
  requiredEachYear: z.boolean().default(false),
});
export type CreateDocumentKindInput = z.input<typeof createDocumentKindSchema>;

/** What may change once a kind exists (not whom it is for: documents already sent depend on it). */
export const updateDocumentKindSchema = z
  .object({ label: label.optional(), requiredEachYear: z.boolean().optional(), active: z.boolean().optional() })
  .strict();

export interface DocumentKindAdminView {
  id: string;
  owner: 'family' | 'student';
  label: string;
  requiredEachYear: boolean;
  active: boolean;
  /** Documents of this kind on file (any status). */
  documents: number;
}
