import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

const CONTACT_EMAIL = 'donnees@conservatoire-portee.example';

/**
 * `/confidentialite` (public): the privacy notice the pre-registration's consent links to — what
 * is collected, why, who reads it, how long it is kept, what stays on the device, and the rights.
 */
@customElement('po-privacy-page')
export class PoPrivacyPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        max-inline-size: 48rem;
      }
      p {
        overflow-wrap: anywhere;
      }
      h2 {
        margin-block-start: calc(var(--po-paragraph-spacing) * 1.5);
      }
      .back a {
        display: inline-block;
        padding-block: 0.5em;
      }
    `,
  ];

  protected pageTitle() {
    return t('privacy.title');
  }

  override render() {
    return html`
      <h1>${t('privacy.title')}</h1>
      <p>${t('privacy.intro')}</p>
      <h2>${t('privacy.whatHeading')}</h2>
      <p>${t('privacy.what')}</p>
      <h2>${t('privacy.whyHeading')}</h2>
      <p>${t('privacy.why')}</p>
      <h2>${t('privacy.whoHeading')}</h2>
      <p>${t('privacy.who')}</p>
      <h2>${t('privacy.howLongHeading')}</h2>
      <p>${t('privacy.howLong')}</p>
      <h2>${t('privacy.deviceHeading')}</h2>
      <p>${t('privacy.device')}</p>
      <h2>${t('privacy.rightsHeading')}</h2>
      <p>${t('privacy.rights')}</p>
      <p><a href="mailto:${CONTACT_EMAIL}" rel="external">${t('privacy.contact', { email: CONTACT_EMAIL })}</a></p>
      <p class="back"><a href="/preinscription">${t('privacy.backToForm')}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-privacy-page': PoPrivacyPage;
  }
}
