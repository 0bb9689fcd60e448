import { createHash } from 'node:crypto';
import { document, documentKind } from '../schema/index.ts';
import { SITES } from './demo-catalogue.ts';
import { idOf, newId, schoolDate, schoolYearAt, type SeedContext } from './demo-context.ts';

const KINDS: ReadonlyArray<{ owner: 'family' | 'student'; label: string; requiredEachYear: boolean }> = [
  { owner: 'family', label: "Avis d'imposition", requiredEachYear: true },
  { owner: 'family', label: 'Justificatif de domicile', requiredEachYear: true },
  { owner: 'family', label: 'Autorisation de prélèvement', requiredEachYear: false },
  { owner: 'student', label: 'Photo', requiredEachYear: false },
  { owner: 'student', label: "Attestation d'assurance", requiredEachYear: true },
  { owner: 'student', label: 'Certificat médical', requiredEachYear: false },
];

/**
 * The Lefèvre family's supporting documents. Only their metadata is seeded: the storage keys
 * point at no stored file.
 */
const DOCUMENTS: ReadonlyArray<{
  family: string;
  student?: string;
  kind: string;
  fileName: string;
  sizeBytes: number;
  day: string;
  status: 'received' | 'accepted';
  reviewedDay?: string;
}> = [
  { family: 'lefevre', kind: "Avis d'imposition", fileName: 'avis-imposition-revenus.pdf', sizeBytes: 184_320, day: '09-08', status: 'accepted', reviewedDay: '09-10' },
  { family: 'lefevre', kind: 'Justificatif de domicile', fileName: 'facture-electricite-octobre.pdf', sizeBytes: 96_512, day: '11-24', status: 'received' },
  { family: 'lefevre', student: 'hugo', kind: "Attestation d'assurance", fileName: 'attestation-assurance-scolaire-hugo.pdf', sizeBytes: 58_880, day: '09-09', status: 'accepted', reviewedDay: '09-11' },
];

/** Document kinds for every site, then the demo family's documents, reviewed by `reviewerUserId`. */
export async function seedDocuments(ctx: SeedContext, reviewerUserId: string): Promise<void> {
  const { tx, version } = ctx;

  await tx.insert(documentKind).values(
    SITES.flatMap((s) =>
      KINDS.map((k) => ({
        id: newId(ctx, `documentKind:${s.key}:${k.label}`),
        siteId: idOf(ctx, `site:${s.key}`),
        owner: k.owner,
        label: k.label,
        requiredEachYear: k.requiredEachYear,
        active: true,
        version,
      })),
    ),
  );

  await tx.insert(document).values(
    DOCUMENTS.map((d) => ({
      id: crypto.randomUUID(),
      familyId: idOf(ctx, `family:${d.family}`),
      studentId: d.student ? idOf(ctx, `student:${d.student}`) : null,
      kindId: idOf(ctx, `documentKind:mantes:${d.kind}`),
      schoolYear: schoolYearAt(ctx, 0),
      fileName: d.fileName,
      mediaType: 'application/pdf',
      sizeBytes: d.sizeBytes,
      sha256: createHash('sha256').update(`portee-demo:${d.fileName}`).digest('hex'),
      storageKey: `demo/${crypto.randomUUID()}`,
      status: d.status,
      reviewedBy: d.reviewedDay ? reviewerUserId : null,
      reviewedAt: d.reviewedDay ? `${schoolDate(ctx, 0, d.reviewedDay)}T09:30:00.000Z` : null,
      createdAt: `${schoolDate(ctx, 0, d.day)}T18:12:00.000Z`,
      version,
    })),
  );
}
