import type { DemoRole } from '../test/helpers/pages.ts';

/**
 * Every screen the audit visits, per role ('anonymous' = signed out). `:student` is replaced by
 * the first student of the signed-in family. A new screen joins the audit by being listed here.
 */
export const AUDITED_ROUTES: Record<'anonymous' | DemoRole, string[]> = {
  anonymous: ['/connexion', '/mot-de-passe-perdu', '/mot-de-passe-perdu/nouveau?jeton=exemple', '/accessibilite', '/page-inexistante'],
  family: ['/accueil', '/famille', '/eleves/:student', '/eleves/inconnu', '/mot-de-passe', '/accessibilite', '/admin'],
  martin: [],
  secretariat: ['/admin', '/mot-de-passe', '/accessibilite'],
  teacher: ['/enseignant', '/mot-de-passe', '/accessibilite'],
};
