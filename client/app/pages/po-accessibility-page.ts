import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-storage-status.ts';
import { formatDate, formatNumber, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
// The RGAA 4.1 grid (106 criteria, their status and how each was checked): the rate and the list
// of non-compliant criteria come from it. This page is loaded lazily (client/app/routes.ts), so
// the grid stays out of the sign-in page's bundle.
import { rgaaConformance, rgaaCounts, rgaaNonCompliant, rgaaRate } from '../../../a11y/rgaa-criteria.ts';

const STATEMENT_DATE = '2026-11-28';
const CONTACT_EMAIL = 'accessibilite@conservatoire-portee.example';
const CONTACT_PHONE = '01 30 00 00 00';
const CONTACT_PHONE_HREF = 'tel:+33130000000';
const DEFENSEUR_FORM = 'https://formulaire.defenseurdesdroits.fr/';
const DEFENSEUR_CHAT = 'https://www.defenseurdesdroits.fr/';
const DEFENSEUR_DELEGATES = 'https://www.defenseurdesdroits.fr/carte-des-delegues';

const CONFORMANCE_MESSAGES = {
  total: 'a11yPage.conformityTotal',
  partial: 'a11yPage.conformityPartial',
  none: 'a11yPage.conformityNone',
} as const satisfies Record<ReturnType<typeof rgaaConformance>, MessageKey>;

/** What each non-compliant criterion means here and its alternative; a criterion without one shows its title only. */
const NON_COMPLIANT_DETAILS: Partial<Record<string, MessageKey>> = {
  '12.1': 'a11yPage.nonConformNavigation',
  '13.3': 'a11yPage.nonConformPdf',
};

/** The rate as a percentage in the screen's language ("96,9 %", "96.9%"). */
function formatRate(rate: number): string {
  return formatNumber(rate / 100, { style: 'percent', maximumFractionDigits: 1 });
}

/**
 * `/accessibilite` (public): how the accessibility mode and the keyboard work, what the device
 * keeps (po-storage-status: persistent or not, space used), then the accessibility statement on
 * the RGAA model: the conformance level and the measured rate from the RGAA 4.1 grid
 * (a11y/rgaa-criteria.ts), the non-compliant criteria, derogations, contact, legal recourse.
 * External links carry rel="external" so the client router leaves them to the browser.
 */
@customElement('po-accessibility-page')
export class PoAccessibilityPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        max-inline-size: 48rem;
      }
      p, li {
        overflow-wrap: anywhere;
      }
      h2 {
        margin-block-start: calc(var(--po-paragraph-spacing) * 1.5);
      }
      h3 {
        font-size: 1.15em;
      }
      li + li {
        margin-block-start: 0.35em;
      }
      .contact a {
        display: inline-block;
        padding-block: 0.35em;
      }
    `,
  ];

  protected pageTitle() {
    return t('a11yPage.title');
  }

  override render() {
    const rate = rgaaRate();
    const counts = rgaaCounts();
    const nonCompliant = rgaaNonCompliant();
    return html`
      <h1>${t('a11yPage.title')}</h1>
      <p>${t('a11yPage.intro')}</p>

      <h2>${t('a11yPage.modeHeading')}</h2>
      <p>${t('a11yPage.modeIntro')}</p>
      <ul>
        <li>${t('a11yPage.modeContrast')}</li>
        <li>${t('a11yPage.modeText')}</li>
        <li>${t('a11yPage.modeSpacing')}</li>
        <li>${t('a11yPage.modeLinks')}</li>
        <li>${t('a11yPage.modeFocus')}</li>
        <li>${t('a11yPage.modeTargets')}</li>
        <li>${t('a11yPage.modeMotion')}</li>
      </ul>
      <p>${t('a11yPage.modeRemember')}</p>

      <h2>${t('a11yPage.systemHeading')}</h2>
      <p>${t('a11yPage.systemIntro')}</p>
      <ul>
        <li>${t('a11yPage.systemContrast')}</li>
        <li>${t('a11yPage.systemForcedColors')}</li>
        <li>${t('a11yPage.systemMotion')}</li>
      </ul>
      <p>${t('a11yPage.systemZoom')}</p>

      <h2>${t('storage.heading')}</h2>
      <po-storage-status></po-storage-status>

      <h2>${t('a11yPage.keyboardHeading')}</h2>
      <ul>
        <li>${t('a11yPage.keyboardSkip')}</li>
        <li>${t('a11yPage.keyboardTab')}</li>
        <li>${t('a11yPage.keyboardNoDoubleClick')}</li>
        <li>${t('a11yPage.keyboardFocus')}</li>
      </ul>

      <h2>${t('a11yPage.statementHeading')}</h2>
      <p>${t('a11yPage.statementCommitment')}</p>
      <p>${t('a11yPage.statementScope')}</p>

      <h2>${t('a11yPage.conformityHeading')}</h2>
      <p>${t('a11yPage.conformityTarget')}</p>
      <p><strong>${t(CONFORMANCE_MESSAGES[rgaaConformance(rate)])}</strong></p>
      <p class="rate">
        ${t('a11yPage.conformityRate', {
          rate: formatRate(rate),
          compliant: counts.compliant,
          nonCompliant: counts.nonCompliant,
          notApplicable: counts.notApplicable,
        })}
      </p>
      <p>${t('a11yPage.conformityMethod')}</p>

      <h2>${t('a11yPage.contentHeading')}</h2>
      <p>${t('a11yPage.contentIntro')}</p>
      <h3>${t('a11yPage.nonConformHeading')}</h3>
      <ul class="non-compliant">
        ${nonCompliant.map((c) => {
          const detail = NON_COMPLIANT_DETAILS[c.number];
          return html`<li>
            ${t('a11yPage.nonConformCriterion', { number: c.number })} <span lang="fr">${c.title}</span>
            ${detail ? html`<br />${t(detail)}` : ''}
          </li>`;
        })}
      </ul>
      <h3>${t('a11yPage.derogationsHeading')}</h3>
      <p>${t('a11yPage.derogationsNone')}</p>
      <h3>${t('a11yPage.outOfScopeHeading')}</h3>
      <ul>
        <li>${t('a11yPage.outOfScopePayfip')}</li>
        <li>${t('a11yPage.outOfScopeUploads')}</li>
      </ul>

      <h2>${t('a11yPage.establishedHeading')}</h2>
      <p>${t('a11yPage.establishedDate', { date: formatDate(STATEMENT_DATE) })}</p>
      <p>${t('a11yPage.establishedTechnologies')}</p>
      <p>${t('a11yPage.establishedToolsIntro')}</p>
      <ul>
        <li>${t('a11yPage.establishedToolAxe')}</li>
        <li>${t('a11yPage.establishedToolIbm')}</li>
        <li>${t('a11yPage.establishedToolLayout')}</li>
        <li>${t('a11yPage.establishedToolVirtualReader')}</li>
        <li>${t('a11yPage.establishedToolKeyboard')}</li>
        <li>${t('a11yPage.establishedToolScreenReaders')}</li>
      </ul>
      <p>${t('a11yPage.establishedPages')}</p>

      <h2>${t('a11yPage.contactHeading')}</h2>
      <p>${t('a11yPage.contactIntro')}</p>
      <ul class="contact">
        <li>${t('a11yPage.contactEmail')} <a href="mailto:${CONTACT_EMAIL}">${CONTACT_EMAIL}</a></li>
        <li>${t('a11yPage.contactPhone')} <a href=${CONTACT_PHONE_HREF}>${CONTACT_PHONE}</a></li>
      </ul>
      <p>${t('a11yPage.contactDelay')}</p>

      <h2>${t('a11yPage.remedyHeading')}</h2>
      <p>${t('a11yPage.remedyIntro')}</p>
      <ul class="contact">
        <li><a href=${DEFENSEUR_FORM} rel="external noopener">${t('a11yPage.remedyForm')}</a></li>
        <li><a href=${DEFENSEUR_CHAT} rel="external noopener">${t('a11yPage.remedyChat')}</a></li>
        <li><a href=${DEFENSEUR_DELEGATES} rel="external noopener">${t('a11yPage.remedyDelegate')}</a></li>
        <li>${t('a11yPage.remedyMail')} <span lang="fr">Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07</span></li>
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-accessibility-page': PoAccessibilityPage;
  }
}
