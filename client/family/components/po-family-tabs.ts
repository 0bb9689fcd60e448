import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';

const TABS: Array<[href: string, key: MessageKey]> = [
  ['/famille', 'records.tab.identity'],
  ['/famille/facturation', 'records.tab.billing'],
  ['/famille/documents', 'records.tab.documents'],
  ['/famille/eleves', 'records.tab.students'],
];

/**
 * The family file's sub-navigation ("Identité", "Facturation", "Documents", "Élèves"): plain
 * links in a labelled nav, the current one marked with aria-current="page".
 */
@customElement('po-family-tabs')
export class PoFamilyTabs extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin-block-end: 1.25rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-block-end: 2px solid var(--po-color-border);
    }
    a {
      display: inline-flex;
      align-items: center;
      min-block-size: var(--po-target-size);
      padding: 0 1em;
      color: var(--po-color-link);
      text-decoration: var(--po-link-decoration);
      border: 1px solid transparent;
      border-block-end: 0;
      border-radius: var(--po-radius) var(--po-radius) 0 0;
    }
    a[aria-current='page'] {
      font-weight: 700;
      color: var(--po-color-text);
      border-color: var(--po-color-border);
      background: var(--po-color-surface);
      text-decoration: underline;
      text-decoration-thickness: 0.15em;
    }
    a:focus-visible {
      outline: var(--po-focus-width) solid var(--po-color-focus);
      outline-offset: 2px;
    }
    @media (forced-colors: active) {
      ul {
        border-color: CanvasText;
      }
      a[aria-current='page'] {
        border-color: Highlight;
      }
      a:focus-visible {
        outline-color: Highlight;
      }
    }
  `;

  /** The path of the page shown (its tab is marked current). */
  @property() current = '/famille';

  override render() {
    return html`<nav aria-label=${t('records.tabs')}>
      <ul>
        ${TABS.map(([href, key]) => html`<li><a href=${href} aria-current=${href === this.current ? 'page' : 'false'}>${t(key)}</a></li>`)}
      </ul>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-family-tabs': PoFamilyTabs;
  }
}
