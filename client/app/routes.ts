import { html, type TemplateResult } from 'lit';
import type { Role } from '../../shared/session.ts';
import type { MessageArea } from '../i18n/message-areas.ts';

export interface AppRoute {
  path: string;
  /** Who may open it: 'public' for everyone, otherwise the roles (any signed-in role if empty). */
  access: 'public' | Role[];
  load: () => Promise<unknown>;
  /**
   * The areas of French messages the page (and what it imports) uses besides the core ones, loaded
   * before it renders (client/i18n/message-areas.ts); [] for the sign-in pages, kept light. The
   * build checks every key a page's modules name against this list (vite.config.ts).
   */
  messages: readonly MessageArea[];
  /**
   * A page with a form lists the form errors' messages ('validation') with its areas (the build
   * checks it), except a page marked so, which loads them itself before it first validates: the
   * sign-in page, whose first screen is what a phone on a slow connection downloads first.
   */
  validationOnSubmit?: true;
  render: (params: Record<string, string | undefined>) => TemplateResult;
}

/**
 * The screens anyone may open (docs/contract.md), part of the first screen's script. The signed-in
 * screens' table (signed-in-routes.ts) loads with the signed-in code, when a URL is not one of
 * these: the sign-in page does not download some seventy routes it cannot show. Page modules are
 * loaded on first visit.
 */
export const PUBLIC_ROUTES: AppRoute[] = [
  { path: '/connexion', access: 'public', messages: [], load: () => import('../auth/pages/po-sign-in-page.ts'), render: () => html`<po-sign-in-page></po-sign-in-page>`, validationOnSubmit: true },
  { path: '/mot-de-passe-perdu', access: 'public', messages: ['validation'], load: () => import('../auth/pages/po-lost-password-page.ts'), render: () => html`<po-lost-password-page></po-lost-password-page>` },
  { path: '/mot-de-passe-perdu/nouveau', access: 'public', messages: ['validation'], load: () => import('../auth/pages/po-reset-password-page.ts'), render: () => html`<po-reset-password-page></po-reset-password-page>` },
  { path: '/accessibilite', access: 'public', messages: ['accessibility'], load: () => import('./pages/po-accessibility-page.ts'), render: () => html`<po-accessibility-page></po-accessibility-page>` },
  { path: '/preinscription', access: 'public', messages: ['contacts', 'preregistration', 'records', 'validation'], load: () => import('../preregistration/pages/po-preregistration-page.ts'), render: () => html`<po-preregistration-page></po-preregistration-page>` },
  { path: '/preinscription/confirmation', access: 'public', messages: ['preregistration'], load: () => import('../preregistration/pages/po-preregistration-sent-page.ts'), render: () => html`<po-preregistration-sent-page></po-preregistration-sent-page>` },
  { path: '/confidentialite', access: 'public', messages: ['preregistration'], load: () => import('../preregistration/pages/po-privacy-page.ts'), render: () => html`<po-privacy-page></po-privacy-page>` },
];
