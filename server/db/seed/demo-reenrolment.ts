import { parisDay } from '../../../shared/reenrolment-progress.ts';
import { schoolYearOf, shiftSchoolYear } from '../../../shared/school-year.ts';
import { consentKind, reenrolmentCampaign } from '../schema/index.ts';
import { idOf, newId, type SeedContext } from './demo-context.ts';

const DAY = 86_400_000;

/** The four consents Mantes asks for (docs/reenrolment.md); Limay asks none, so its families have nothing to do. */
export const DEMO_CONSENTS = [
  {
    code: 'droit-image',
    scope: 'student',
    wordingFr: 'J’autorise le conservatoire à photographier et filmer l’élève lors des cours, auditions et concerts, et à publier ces images sur ses supports (site, brochure).',
    wordingEn: 'I allow the conservatory to photograph and film the student during lessons, auditions and concerts, and to publish these images in its media (website, brochure).',
  },
  {
    code: 'decision-medicale',
    scope: 'student',
    wordingFr: 'En cas d’urgence, j’autorise l’équipe du conservatoire à prendre toute décision médicale nécessaire si je ne peux être joint.',
    wordingEn: 'In an emergency, I allow the conservatory’s staff to take any necessary medical decision if I cannot be reached.',
  },
  {
    code: 'sortie-seul',
    scope: 'student',
    wordingFr: 'J’autorise l’élève à quitter seul le conservatoire après son cours.',
    wordingEn: 'I allow the student to leave the conservatory alone after the lesson.',
  },
  {
    code: 'traitement-donnees',
    scope: 'family',
    wordingFr: 'J’accepte que mes données et celles des élèves soient traitées par le conservatoire pour la gestion des inscriptions, des cours et de la facturation.',
    wordingEn: 'I agree that my data and the students’ are processed by the conservatory to manage enrolments, lessons and invoicing.',
  },
] as const;

/**
 * Mantes's consents and a re-enrolment campaign for next school year that is open whenever the
 * demo is loaded: it opened two weeks before `now` and closes a month after.
 */
export async function seedReenrolment(ctx: SeedContext): Promise<void> {
  const siteId = idOf(ctx, 'site:mantes');
  await ctx.tx.insert(consentKind).values(
    DEMO_CONSENTS.map((c, position) => ({ id: newId(ctx, `consent:${c.code}`), siteId, ...c, wordingVersion: 1, position: position + 1, active: true, version: ctx.version })),
  );
  await ctx.tx.insert(reenrolmentCampaign).values({
    id: newId(ctx, 'campaign:next'),
    siteId,
    schoolYear: shiftSchoolYear(schoolYearOf(ctx.now), 1),
    opensOn: parisDay(new Date(ctx.now.getTime() - 14 * DAY)),
    closesOn: parisDay(new Date(ctx.now.getTime() + 30 * DAY)),
    createdBy: idOf(ctx, 'user:secretariat.demo'),
    version: ctx.version,
  });
}
