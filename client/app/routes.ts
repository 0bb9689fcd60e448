import { html, type TemplateResult } from 'lit';
import type { Role } from '../../shared/session.ts';

export interface AppRoute {
  path: string;
  /** Who may open it: 'public' for everyone, otherwise the roles (any signed-in role if empty). */
  access: 'public' | Role[];
  load: () => Promise<unknown>;
  render: (params: Record<string, string | undefined>) => TemplateResult;
}

/** Every screen with its URL (DESIGN.md §9). Page modules are loaded on first visit. */
export const ROUTES: AppRoute[] = [
  { path: '/connexion', access: 'public', load: () => import('../pages/po-sign-in-page.ts'), render: () => html`<po-sign-in-page></po-sign-in-page>` },
  { path: '/mot-de-passe-perdu', access: 'public', load: () => import('../pages/po-lost-password-page.ts'), render: () => html`<po-lost-password-page></po-lost-password-page>` },
  { path: '/mot-de-passe-perdu/nouveau', access: 'public', load: () => import('../pages/po-reset-password-page.ts'), render: () => html`<po-reset-password-page></po-reset-password-page>` },
  { path: '/accessibilite', access: 'public', load: () => import('../pages/po-accessibility-page.ts'), render: () => html`<po-accessibility-page></po-accessibility-page>` },
  { path: '/mot-de-passe', access: [], load: () => import('../pages/po-change-password-page.ts'), render: () => html`<po-change-password-page></po-change-password-page>` },
  { path: '/accueil', access: ['family'], load: () => import('../pages/po-home-page.ts'), render: () => html`<po-home-page></po-home-page>` },
  { path: '/famille', access: ['family'], load: () => import('../pages/po-family-page.ts'), render: () => html`<po-family-page></po-family-page>` },
  { path: '/eleves/:id', access: ['family'], load: () => import('../pages/po-student-page.ts'), render: (p) => html`<po-student-page .studentId=${p.id ?? ''}></po-student-page>` },
  { path: '/admin', access: ['secretariat'], load: () => import('../pages/po-admin-home-page.ts'), render: () => html`<po-admin-home-page></po-admin-home-page>` },
  { path: '/enseignant', access: ['teacher'], load: () => import('../pages/po-teacher-home-page.ts'), render: () => html`<po-teacher-home-page></po-teacher-home-page>` },
];
