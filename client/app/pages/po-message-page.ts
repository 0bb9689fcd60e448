import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/** A page that only says something: "Page introuvable", "Accès refusé"… with a way back. */
@customElement('po-message-page')
export class PoMessagePage extends PageElement {
  static override styles = pageStyles;

  /** The page's h1, also its title ("Page introuvable"). */
  @property() heading = '';
  /** The one sentence that explains it. */
  @property() text = '';
  /** Where the way-back link leads (the role's home page when known). */
  @property() href = '/';
  /**
   * Offer to load the page again instead of the way back (its script could not be downloaded): a
   * full reload, since the router does nothing for a link to the address already shown.
   */
  @property({ type: Boolean }) reload = false;

  protected pageTitle() {
    return this.heading;
  }

  override render() {
    return html`<h1>${this.heading}</h1>
      <p>${this.text}</p>
      ${this.reload
        ? html`<p><button type="button" @click=${() => location.reload()}>${t('page.retry')}</button></p>`
        : html`<p><a href=${this.href}>${t('page.backHome')}</a></p>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-message-page': PoMessagePage;
  }
}
