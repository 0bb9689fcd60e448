import { html, type TemplateResult } from 'lit';
import type { Role } from '../../shared/session.ts';
import { coursePageTemplate, historyEntryPageTemplate } from '../pedagogy/pages/pedagogy-route-templates.ts';

export interface AppRoute {
  path: string;
  /** Who may open it: 'public' for everyone, otherwise the roles (any signed-in role if empty). */
  access: 'public' | Role[];
  load: () => Promise<unknown>;
  /** 'core': the page needs only the messages loaded at start (the sign-in pages, kept light). */
  messages?: 'core';
  render: (params: Record<string, string | undefined>) => TemplateResult;
}

/** Every screen with its URL (docs/contract.md). Page modules are loaded on first visit. */
export const ROUTES: AppRoute[] = [
  { path: '/connexion', access: 'public', messages: 'core', load: () => import('../auth/pages/po-sign-in-page.ts'), render: () => html`<po-sign-in-page></po-sign-in-page>` },
  { path: '/mot-de-passe-perdu', access: 'public', messages: 'core', load: () => import('../auth/pages/po-lost-password-page.ts'), render: () => html`<po-lost-password-page></po-lost-password-page>` },
  { path: '/mot-de-passe-perdu/nouveau', access: 'public', messages: 'core', load: () => import('../auth/pages/po-reset-password-page.ts'), render: () => html`<po-reset-password-page></po-reset-password-page>` },
  { path: '/accessibilite', access: 'public', load: () => import('./pages/po-accessibility-page.ts'), render: () => html`<po-accessibility-page></po-accessibility-page>` },
  { path: '/mot-de-passe', access: [], load: () => import('../auth/pages/po-change-password-page.ts'), render: () => html`<po-change-password-page></po-change-password-page>` },
  { path: '/accueil', access: ['family'], load: () => import('../family/pages/po-home-page.ts'), render: () => html`<po-home-page></po-home-page>` },
  { path: '/famille', access: ['family'], load: () => import('../family/pages/po-family-page.ts'), render: () => html`<po-family-page></po-family-page>` },
  { path: '/eleves/:id', access: ['family'], load: () => import('../family/pages/po-student-page.ts'), render: (p) => html`<po-student-page .studentId=${p.id ?? ''}></po-student-page>` },
  { path: '/signaler-absence', access: ['family'], load: () => import('../family/pages/po-absence-notice-page.ts'), render: () => html`<po-absence-notice-page></po-absence-notice-page>` },
  { path: '/eleves/:id/contacts', access: ['family'], load: () => import('../family/pages/po-student-contacts-page.ts'), render: (p) => html`<po-student-contacts-page .studentId=${p.id ?? ''}></po-student-contacts-page>` },
  { path: '/eleves/:id/cours', access: ['family'], load: () => import('../pedagogy/pages/po-student-courses-page.ts'), render: (p) => html`<po-student-courses-page .studentId=${p.id ?? ''}></po-student-courses-page>` },
  { path: '/eleves/:id/cours/:courseId', access: ['family'], load: () => import('../pedagogy/pages/po-course-page.ts'), render: (p) => coursePageTemplate(p, 'suivi') },
  { path: '/eleves/:id/cours/:courseId/suivi', access: ['family'], load: () => import('../pedagogy/pages/po-course-page.ts'), render: (p) => coursePageTemplate(p, 'suivi') },
  { path: '/eleves/:id/cours/:courseId/evaluations', access: ['family'], load: () => import('../pedagogy/pages/po-course-page.ts'), render: (p) => coursePageTemplate(p, 'evaluations') },
  { path: '/eleves/:id/cours/:courseId/absences', access: ['family'], load: () => import('../pedagogy/pages/po-course-page.ts'), render: (p) => coursePageTemplate(p, 'absences') },
  { path: '/eleves/:id/cours/:courseId/suivi/:itemId', access: ['family'], load: () => import('../pedagogy/pages/po-course-page.ts'), render: (p) => coursePageTemplate(p, 'suivi') },
  { path: '/eleves/:id/cours/:courseId/evaluations/:itemId', access: ['family'], load: () => import('../pedagogy/pages/po-course-page.ts'), render: (p) => coursePageTemplate(p, 'evaluations') },
  { path: '/eleves/:id/cours/:courseId/absences/:itemId', access: ['family'], load: () => import('../pedagogy/pages/po-course-page.ts'), render: (p) => coursePageTemplate(p, 'absences') },
  { path: '/eleves/:id/historique', access: ['family'], load: () => import('../pedagogy/pages/po-student-history-page.ts'), render: (p) => html`<po-student-history-page .studentId=${p.id ?? ''}></po-student-history-page>` },
  { path: '/eleves/:id/historique/:enrollmentId', access: ['family'], load: () => import('../pedagogy/pages/po-history-entry-page.ts'), render: (p) => historyEntryPageTemplate(p, 'historique') },
  { path: '/eleves/:id/historique/:enrollmentId/evaluations', access: ['family'], load: () => import('../pedagogy/pages/po-history-entry-page.ts'), render: (p) => historyEntryPageTemplate(p, 'evaluations') },
  { path: '/eleves/:id/historique/:enrollmentId/commentaires', access: ['family'], load: () => import('../pedagogy/pages/po-history-entry-page.ts'), render: (p) => historyEntryPageTemplate(p, 'commentaires') },
  { path: '/eleves/:id/repertoire', access: ['family'], load: () => import('../pedagogy/pages/po-student-repertoire-page.ts'), render: (p) => html`<po-student-repertoire-page .studentId=${p.id ?? ''}></po-student-repertoire-page>` },
  { path: '/eleves/:id/repertoire/:entryId', access: ['family'], load: () => import('../pedagogy/pages/po-repertoire-entry-page.ts'), render: (p) => html`<po-repertoire-entry-page .studentId=${p.id ?? ''} .entryId=${p.entryId ?? ''}></po-repertoire-entry-page>` },
  { path: '/famille/eleves', access: ['family'], load: () => import('../family/pages/po-family-students-page.ts'), render: () => html`<po-family-students-page></po-family-students-page>` },
  { path: '/admin/demandes', access: ['secretariat'], load: () => import('../admin/pages/po-admin-requests-page.ts'), render: () => html`<po-admin-requests-page></po-admin-requests-page>` },
  { path: '/admin/familles', access: ['secretariat'], load: () => import('../admin/pages/po-admin-families-page.ts'), render: () => html`<po-admin-families-page></po-admin-families-page>` },
  { path: '/admin/familles/nouvelle', access: ['secretariat'], load: () => import('../admin/pages/po-admin-new-family-page.ts'), render: () => html`<po-admin-new-family-page></po-admin-new-family-page>` },
  { path: '/admin/familles/:id', access: ['secretariat'], load: () => import('../admin/pages/po-admin-family-page.ts'), render: (p) => html`<po-admin-family-page .familyId=${p.id ?? ''}></po-admin-family-page>` },
  { path: '/famille/facturation', access: ['family'], load: () => import('../billing/pages/po-family-billing-page.ts'), render: () => html`<po-family-billing-page></po-family-billing-page>` },
  { path: '/famille/facturation/factures/:invoiceId', access: ['family'], load: () => import('../billing/pages/po-invoice-page.ts'), render: (p) => html`<po-invoice-page .invoiceId=${p.invoiceId ?? ''}></po-invoice-page>` },
  { path: '/famille/facturation/paiement/retour', access: ['family'], load: () => import('../billing/pages/po-payment-return-page.ts'), render: () => html`<po-payment-return-page></po-payment-return-page>` },
  { path: '/famille/attestations/paiement/:year', access: ['family'], load: () => import('../billing/pages/po-payment-attestation-page.ts'), render: (p) => html`<po-payment-attestation-page .year=${p.year ?? ''}></po-payment-attestation-page>` },
  { path: '/eleves/:id/attestation', access: ['family'], load: () => import('../billing/pages/po-enrolment-attestation-page.ts'), render: (p) => html`<po-enrolment-attestation-page .studentId=${p.id ?? ''}></po-enrolment-attestation-page>` },
  { path: '/admin/facturation', access: ['secretariat'], load: () => import('../admin/pages/po-admin-billing-page.ts'), render: () => html`<po-admin-billing-page></po-admin-billing-page>` },
  { path: '/famille/reinscription', access: ['family'], load: () => import('../reenrolment/pages/po-reenrolment-page.ts'), render: () => html`<po-reenrolment-page></po-reenrolment-page>` },
  { path: '/admin/reinscriptions', access: ['secretariat'], load: () => import('../admin/pages/po-admin-reenrolment-page.ts'), render: () => html`<po-admin-reenrolment-page></po-admin-reenrolment-page>` },
  { path: '/admin/reinscriptions/:campaignId/familles/:familyId', access: ['secretariat'], load: () => import('../admin/pages/po-admin-reenrolment-family-page.ts'), render: (p) => html`<po-admin-reenrolment-family-page .campaignId=${p.campaignId ?? ''} .familyId=${p.familyId ?? ''}></po-admin-reenrolment-family-page>` },
  { path: '/famille/documents', access: ['family'], load: () => import('../documents/pages/po-family-documents-page.ts'), render: () => html`<po-family-documents-page></po-family-documents-page>` },
  { path: '/eleves/:id/documents', access: ['family'], load: () => import('../documents/pages/po-student-documents-page.ts'), render: (p) => html`<po-student-documents-page .studentId=${p.id ?? ''}></po-student-documents-page>` },
  { path: '/admin/documents/types', access: ['secretariat'], load: () => import('../admin/pages/po-admin-document-kinds-page.ts'), render: () => html`<po-admin-document-kinds-page></po-admin-document-kinds-page>` },
  { path: '/admin/documents', access: ['secretariat'], load: () => import('../admin/pages/po-admin-documents-page.ts'), render: () => html`<po-admin-documents-page></po-admin-documents-page>` },
  { path: '/admin/comptes/:id/lettre', access: ['secretariat'], load: () => import('../admin/pages/po-admin-welcome-letter-page.ts'), render: (p) => html`<po-admin-welcome-letter-page .accountId=${p.id ?? ''}></po-admin-welcome-letter-page>` },
  { path: '/admin/comptes', access: ['secretariat'], load: () => import('../admin/pages/po-admin-staff-accounts-page.ts'), render: () => html`<po-admin-staff-accounts-page></po-admin-staff-accounts-page>` },
  { path: '/admin', access: ['secretariat'], load: () => import('../admin/pages/po-admin-home-page.ts'), render: () => html`<po-admin-home-page></po-admin-home-page>` },
  { path: '/enseignant', access: ['teacher'], load: () => import('../teacher/pages/po-teacher-home-page.ts'), render: () => html`<po-teacher-home-page></po-teacher-home-page>` },
  { path: '/enseignant/cours/:courseId', access: ['teacher'], load: () => import('../teacher/pages/po-teacher-course-page.ts'), render: (p) => html`<po-teacher-course-page .courseId=${p.courseId ?? ''}></po-teacher-course-page>` },
  { path: '/enseignant/cours/:courseId/appel/:date', access: ['teacher'], load: () => import('../teacher/pages/po-roll-call-page.ts'), render: (p) => html`<po-roll-call-page .courseId=${p.courseId ?? ''} .date=${p.date ?? ''}></po-roll-call-page>` },
  { path: '/enseignant/absences', access: ['teacher'], load: () => import('../teacher/pages/po-teacher-absences-page.ts'), render: () => html`<po-teacher-absences-page></po-teacher-absences-page>` },
  { path: '/enseignant/cours/:courseId/evaluations', access: ['teacher'], load: () => import('../teacher/pages/po-evaluation-list-page.ts'), render: (p) => html`<po-evaluation-list-page .courseId=${p.courseId ?? ''}></po-evaluation-list-page>` },
  { path: '/enseignant/cours/:courseId/evaluations/nouvelle', access: ['teacher'], load: () => import('../teacher/pages/po-evaluation-page.ts'), render: (p) => html`<po-evaluation-page .courseId=${p.courseId ?? ''}></po-evaluation-page>` },
  { path: '/enseignant/cours/:courseId/evaluations/:batchId', access: ['teacher'], load: () => import('../teacher/pages/po-evaluation-page.ts'), render: (p) => html`<po-evaluation-page .courseId=${p.courseId ?? ''} .batchId=${p.batchId ?? ''}></po-evaluation-page>` },
  { path: '/enseignant/cours/:courseId/eleves/:studentId', access: ['teacher'], load: () => import('../teacher/pages/po-student-notes-page.ts'), render: (p) => html`<po-student-notes-page .courseId=${p.courseId ?? ''} .studentId=${p.studentId ?? ''}></po-student-notes-page>` },
  { path: '/enseignant/cours/:courseId/eleves/:studentId/repertoire/nouveau', access: ['teacher'], load: () => import('../teacher/pages/po-repertoire-form-page.ts'), render: (p) => html`<po-repertoire-form-page .courseId=${p.courseId ?? ''} .studentId=${p.studentId ?? ''}></po-repertoire-form-page>` },
  { path: '/enseignant/cours/:courseId/eleves/:studentId/repertoire/:entryId', access: ['teacher'], load: () => import('../teacher/pages/po-repertoire-form-page.ts'), render: (p) => html`<po-repertoire-form-page .courseId=${p.courseId ?? ''} .studentId=${p.studentId ?? ''} .entryId=${p.entryId ?? ''}></po-repertoire-form-page>` },
  { path: '/admin/enseignants', access: ['secretariat'], load: () => import('../admin/pages/po-admin-teachers-page.ts'), render: () => html`<po-admin-teachers-page></po-admin-teachers-page>` },
  { path: '/admin/enseignants/nouveau', access: ['secretariat'], load: () => import('../admin/pages/po-admin-new-teacher-page.ts'), render: () => html`<po-admin-new-teacher-page></po-admin-new-teacher-page>` },
  { path: '/admin/enseignants/:teacherId/absences', access: ['secretariat'], load: () => import('../admin/pages/po-admin-teacher-absences-page.ts'), render: (p) => html`<po-admin-teacher-absences-page .teacherId=${p.teacherId ?? ''}></po-admin-teacher-absences-page>` },
  { path: '/admin/enseignants/:teacherId', access: ['secretariat'], load: () => import('../admin/pages/po-admin-teacher-page.ts'), render: (p) => html`<po-admin-teacher-page .teacherId=${p.teacherId ?? ''}></po-admin-teacher-page>` },
  { path: '/admin/cours', access: ['secretariat'], load: () => import('../admin/pages/po-admin-courses-page.ts'), render: () => html`<po-admin-courses-page></po-admin-courses-page>` },
  { path: '/admin/cours/nouveau', access: ['secretariat'], load: () => import('../admin/pages/po-admin-course-form-page.ts'), render: () => html`<po-admin-course-form-page></po-admin-course-form-page>` },
  { path: '/admin/cours/:courseId/modifier', access: ['secretariat'], load: () => import('../admin/pages/po-admin-course-form-page.ts'), render: (p) => html`<po-admin-course-form-page .courseId=${p.courseId ?? ''}></po-admin-course-form-page>` },
  { path: '/admin/cours/:courseId/inscriptions', access: ['secretariat'], load: () => import('../admin/pages/po-admin-course-page.ts'), render: (p) => html`<po-admin-course-page .courseId=${p.courseId ?? ''}></po-admin-course-page>` },
  { path: '/admin/cours/:courseId', access: ['secretariat'], load: () => import('../admin/pages/po-admin-course-teaching-page.ts'), render: (p) => html`<po-admin-course-teaching-page .courseId=${p.courseId ?? ''}></po-admin-course-teaching-page>` },
  { path: '/admin/messages', access: ['secretariat'], load: () => import('../admin/pages/po-admin-messages-page.ts'), render: () => html`<po-admin-messages-page></po-admin-messages-page>` },
  { path: '/preinscription', access: 'public', load: () => import('../preregistration/pages/po-preregistration-page.ts'), render: () => html`<po-preregistration-page></po-preregistration-page>` },
  { path: '/preinscription/confirmation', access: 'public', load: () => import('../preregistration/pages/po-preregistration-sent-page.ts'), render: () => html`<po-preregistration-sent-page></po-preregistration-sent-page>` },
  { path: '/confidentialite', access: 'public', load: () => import('../preregistration/pages/po-privacy-page.ts'), render: () => html`<po-privacy-page></po-privacy-page>` },
  { path: '/admin/preinscriptions', access: ['secretariat'], load: () => import('../admin/pages/po-admin-preregistrations-page.ts'), render: () => html`<po-admin-preregistrations-page></po-admin-preregistrations-page>` },
  { path: '/admin/preinscriptions/:id', access: ['secretariat'], load: () => import('../admin/pages/po-admin-preregistration-page.ts'), render: (p) => html`<po-admin-preregistration-page .applicationId=${p.id ?? ''}></po-admin-preregistration-page>` },
  { path: '/calendrier', access: ['family', 'teacher'], load: () => import('../calendar/pages/po-calendar-page.ts'), render: () => html`<po-calendar-page></po-calendar-page>` },
];
