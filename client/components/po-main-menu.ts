import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Role } from '../../shared/session.ts';
import { t } from '../i18n/i18n.ts';
import { narrowShell } from '../styles/shell-breakpoint.ts';

/** A student as the family's menu lists it. */
export interface MenuStudent {
  id: string;
  firstName: string;
  lastName: string;
}

/**
 * The main menu of the signed-in person's role: a labelled `<nav>` list of links, and "Quitter".
 * On a wide screen it is the bar under the header; on a narrow one (the shell's breakpoint) it is
 * the panel of the shell's "Menu" disclosure button: a vertical list of full-width targets, shown
 * only while `open`. The button, and so the open state, belongs to the shell (its
 * `aria-controls` must reach this element in the same tree).
 *
 * @fires po-menu-choose - a link of the menu was followed (the shell closes the panel)
 * @fires po-sign-out-request - "Quitter" was chosen
 */
@customElement('po-main-menu')
export class PoMainMenu extends LitElement {
  static override styles = css`
    :host {
      display: block;
      background: var(--po-color-surface);
      border-block-end: 1px solid var(--po-color-border);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
    }
    nav > ul {
      margin-inline: auto;
      padding: 0.25rem 1rem;
      max-inline-size: 72rem;
    }
    .group {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }
    .group-label {
      font-weight: 700;
      padding-inline-start: 0.5em;
    }
    a, button {
      display: inline-flex;
      align-items: center;
      box-sizing: border-box;
      min-block-size: var(--po-target-size);
      min-inline-size: var(--po-target-size);
      padding: 0 0.75em;
      color: var(--po-color-link);
      text-decoration: var(--po-link-decoration);
      font: inherit;
      letter-spacing: inherit;
      word-spacing: inherit;
      border-radius: var(--po-radius);
    }
    /* "Quitter" looks like the links around it; its border shows where colours are forced or
       more contrast is asked for. */
    button {
      background: none;
      border: 1px solid transparent;
      cursor: pointer;
      text-decoration: underline;
    }
    a[aria-current='page'] {
      font-weight: 700;
      text-decoration: underline;
      text-decoration-thickness: 0.2em;
      background: var(--po-color-bg);
      outline: 1px solid var(--po-color-border);
    }
    a:focus-visible, button:focus-visible {
      outline: var(--po-focus-width) solid var(--po-color-focus);
      outline-offset: 2px;
    }
    /* The panel of the "Menu" button: one entry a line, each as wide as the screen (an easy
       target for a thumb), the students indented under their label. No animation: it opens at once. */
    @container ${narrowShell} {
      :host(:not([open])) {
        display: none;
      }
      nav > ul, .group, .group > ul {
        flex-direction: column;
        flex-wrap: nowrap;
        align-items: stretch;
        gap: 0.25rem;
      }
      nav > ul {
        padding: 0.5rem 0.75rem 0.75rem;
      }
      .group-label {
        padding-block: 0.25rem 0;
      }
      .group > ul {
        padding-inline-start: 1em;
      }
      a, button {
        inline-size: 100%;
      }
    }
    @media (prefers-contrast: more) {
      button {
        border-color: currentColor;
      }
    }
    @media (forced-colors: active) {
      :host {
        border-block-end: 1px solid CanvasText;
      }
      button {
        border-color: ButtonText;
      }
      a[aria-current='page'] {
        outline: 2px solid Highlight;
      }
      a:focus-visible, button:focus-visible {
        outline-color: Highlight;
      }
    }
  `;

  /** The signed-in person's role: decides the entries. */
  @property({ attribute: 'user-role' }) userRole: Role | '' = '';
  /** The family's students, in the order shown (family role only). */
  @property({ attribute: false }) students: MenuStudent[] = [];
  /** The current path, to mark the entry of the page shown (`aria-current="page"`). */
  @property() path = '/';
  /** A re-enrolment campaign is open today (family): "Réinscription" is offered. */
  @property({ type: Boolean }) reenrolment = false;
  /** On a narrow screen, whether the panel is shown (set by the shell's disclosure button). */
  @property({ type: Boolean, reflect: true }) open = false;

  override render() {
    const link = (href: string, label: string) =>
      html`<a href=${href} aria-current=${this.isCurrent(href) ? 'page' : 'false'} @click=${this._onChoose}>${label}</a>`;
    const role = this.userRole;
    return html`<nav aria-label=${t('shell.menu')}>
      <ul>
        ${role === 'family'
          ? html`<li>${link('/accueil', t('shell.home'))}</li>
              <li>${link('/famille', t('shell.family'))}</li>
              <li>${link('/calendrier', t('shell.calendar'))}</li>
              ${this.reenrolment ? html`<li>${link('/famille/reinscription', t('shell.reenrolment'))}</li>` : nothing}
              ${this.students.length
                ? html`<li class="group">
                    <span class="group-label" id="students-label">${t('shell.students')}</span>
                    <ul aria-labelledby="students-label">
                      ${this.students.map((s) => html`<li>${link(`/eleves/${s.id}`, `${s.firstName} ${s.lastName}`)}</li>`)}
                    </ul>
                  </li>`
                : nothing}`
          : nothing}
        ${role === 'secretariat' ? html`<li>${link('/admin', t('shell.admin'))}</li>` : nothing}
        ${role === 'teacher'
          ? html`<li>${link('/enseignant', t('shell.teacher'))}</li>
              <li>${link('/enseignant/absences', t('shell.teacherAbsences'))}</li>
              <li>${link('/calendrier', t('shell.calendar'))}</li>`
          : nothing}
        <li>${link('/accessibilite', t('shell.accessibility'))}</li>
        <li>${link('/mot-de-passe', t('shell.password'))}</li>
        <li><button type="button" @click=${this._onSignOut}>${t('shell.signOut')}</button></li>
      </ul>
    </nav>`;
  }

  private isCurrent(href: string) {
    return this.path === href || (href.startsWith('/eleves/') && this.path.startsWith(href + '/')) || (href === '/famille' && this.path.startsWith('/famille/'));
  }

  private _onChoose() {
    this.dispatchEvent(new CustomEvent('po-menu-choose', { bubbles: true, composed: true }));
  }

  private _onSignOut() {
    this.dispatchEvent(new CustomEvent('po-sign-out-request', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-main-menu': PoMainMenu;
  }
}
