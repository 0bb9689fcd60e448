import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { lastSent } from '../data/preregistration-draft.ts';

/** A reference as the server makes them ("PI-2026-4F7K2Q"): anything else in the address is not shown. */
const REFERENCE = /^PI-\d{4}-[A-Z0-9]{4,12}$/;

/**
 * `/preinscription/confirmation?reference=…` (public): the application's reference, where the
 * confirmation e-mail went, and what happens next. The reference comes from the address (a
 * reload keeps it); the e-mail address only from this tab's memory of what it sent.
 */
@customElement('po-preregistration-sent-page')
export class PoPreregistrationSentPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        max-inline-size: 40rem;
      }
      .reference {
        font-size: 1.5em;
        font-weight: 700;
        letter-spacing: 0.05em;
        overflow-wrap: anywhere;
      }
      dl.record dd.reference {
        margin: 0;
      }
      .links {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1.5em;
      }
      .links a {
        display: inline-block;
        padding-block: 0.5em;
      }
      @media (forced-colors: active) {
        .reference {
          color: CanvasText;
        }
      }
    `,
  ];

  protected pageTitle() {
    return t('prereg.sent.title');
  }

  override render() {
    const fromUrl = new URLSearchParams(location.search).get('reference') ?? '';
    const sent = lastSent();
    const reference = REFERENCE.test(fromUrl) ? fromUrl : (sent?.reference ?? '');
    const email = sent && sent.reference === reference ? sent.email : '';
    const links = html`<ul class="links">
      <li><a href="/connexion">${t('prereg.sent.signIn')}</a></li>
      <li><a href="/preinscription">${t('prereg.sent.another')}</a></li>
    </ul>`;
    if (!reference) {
      return html`<h1>${t('prereg.sent.title')}</h1>
        <p>${t('prereg.sent.none')}</p>
        ${links}`;
    }
    return html`
      <h1>${t('prereg.sent.title')}</h1>
      <div class="notice success">
        <dl class="record">
          <dt>${t('prereg.sent.reference')}</dt>
          <dd class="reference">${reference}</dd>
        </dl>
        <p>${t('prereg.sent.referenceNote')}</p>
      </div>
      <p>${email ? t('prereg.sent.mail', { email }) : t('prereg.sent.mailGeneric')}</p>
      <h2>${t('prereg.sent.nextHeading')}</h2>
      <ol>
        <li>${t('prereg.sent.next1')}</li>
        <li>${t('prereg.sent.next2')}</li>
        <li>${t('prereg.sent.next3')}</li>
      </ol>
      ${links}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-preregistration-sent-page': PoPreregistrationSentPage;
  }
}
