import type { DemoRole } from '../test/helpers/pages.ts';

/**
 * Every screen the audit visits, per role ('anonymous' = signed out). `:student` is replaced by
 * the first student of the signed-in family (by Hugo Lefèvre in a route with `:course`,
 * `:enrollment`, `:entry`, `:note`, `:evaluation` or `:absence`, which are replaced by ids read from his
 * pages' links); `:invoice` by the family's first invoice, `:year` by the current school year
 * ("2026-2027", the one the demo's payments and enrolments are in), `:family` by the secretariat's first family;
 * for the teacher, `:course` by a class of theirs and `:lesson` by one of its lesson days.
 * A new screen joins the audit by being listed here.
 */
export const AUDITED_ROUTES: Record<'anonymous' | DemoRole, string[]> = {
  anonymous: ['/connexion', '/mot-de-passe-perdu', '/mot-de-passe-perdu/nouveau?jeton=exemple', '/accessibilite', '/preinscription', '/preinscription/confirmation?reference=PI-2026-ABCDEF', '/confidentialite', '/page-inexistante'],
  family: ['/accueil', '/famille', '/famille/eleves', '/eleves/:student', '/eleves/inconnu', '/eleves/:student/cours', '/eleves/:student/cours/:course', '/eleves/:student/cours/:course/evaluations', '/eleves/:student/cours/:course/absences', '/eleves/:student/cours/:course/suivi/:note', '/eleves/:student/cours/:course/evaluations/:evaluation', '/eleves/:student/cours/:course/absences/:absence', '/eleves/:student/cours/inconnu', '/eleves/inconnu/cours', '/eleves/:student/historique', '/eleves/:student/historique/:enrollment', '/eleves/:student/historique/:enrollment/evaluations', '/eleves/:student/historique/:enrollment/commentaires', '/eleves/:student/repertoire', '/eleves/:student/repertoire/:entry', '/famille/documents', '/eleves/:student/documents', '/famille/facturation', '/famille/facturation/factures/:invoice', '/famille/facturation/factures/inconnue', '/famille/facturation/paiement/retour?idop=inconnu', '/famille/attestations/paiement/:year', '/eleves/:student/attestation', '/mot-de-passe', '/accessibilite', '/admin', '/calendrier', '/eleves/:student/contacts', '/eleves/inconnu/contacts', '/signaler-absence'],
  martin: [],
  secretariat: ['/admin', '/admin/facturation', '/admin/demandes', '/admin/familles', '/admin/familles?q=lefevre', '/admin/familles?q=personne', '/admin/familles/:family', '/admin/familles/inconnue', '/admin/documents', '/admin/documents/types', '/admin/comptes', '/admin/enseignants', '/admin/enseignants/inconnu/absences', '/admin/familles/nouvelle', '/admin/enseignants/nouveau', '/admin/comptes/inconnu/lettre', '/admin/enseignants/inconnu', '/admin/enseignants/:teacher', '/admin/enseignants/:teacher/absences', '/admin/cours/:course', '/admin/cours/:course/inscriptions', '/admin/cours/:course/modifier', '/admin/cours/inconnu', '/admin/cours', '/admin/cours/nouveau', '/admin/cours/inconnu/inscriptions', '/admin/cours/inconnu/modifier', '/admin/messages', '/admin/messages?type=mail', '/admin/preinscriptions', '/admin/preinscriptions?statut=refused', '/admin/preinscriptions/inconnue', '/mot-de-passe', '/accessibilite'],
  teacher: ['/enseignant', '/enseignant/cours/:course', '/enseignant/cours/inconnu', '/enseignant/cours/:course/appel/:lesson', '/enseignant/absences', '/enseignant/cours/:course/evaluations', '/enseignant/cours/:course/evaluations/nouvelle', '/enseignant/cours/:course/evaluations/inconnue', '/enseignant/cours/:course/eleves/inconnu', '/enseignant/cours/:course/eleves/inconnu/repertoire/nouveau', '/mot-de-passe', '/accessibilite', '/calendrier'],
};
