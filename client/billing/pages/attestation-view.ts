import { css, html, type TemplateResult } from 'lit';
import type { Family, Site } from '../../data/records.ts';
import { formatDate, t } from '../../i18n/i18n.ts';

/** What the two attestations' HTML views show alike: the issuer's and the family's blocks, the "made from" line, the styles. */

export const attestationViewStyles = css`
  .parties {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem 3rem;
  }
  .parties > section {
    min-width: 0;
    max-width: 100%;
  }
  /* An e-mail address has no break opportunity: at 320 px in the accessibility mode's larger text it would widen the page. */
  .parties address {
    font-style: normal;
    overflow-wrap: anywhere;
  }
  .made-from {
    font-size: 0.9em;
  }
`;

export const issuerName = (site: Site | undefined) => (site ? t('pdf.conservatory', { site: site.name }) : t('app.name'));
export const familyName = (f: Family | undefined) => (f ? `${f.civility} ${f.firstName} ${f.lastName}`.trim() : '');

/** The conservatory's identity and, when given, the family's, each under its heading. */
export function parties(site: Site | undefined, family?: Family): TemplateResult {
  const siteLines = site ? [site.address, `${site.postalCode} ${site.city}`.trim(), site.phone, site.email].filter(Boolean) : [];
  const familyLines = family ? [familyName(family), family.address, `${family.postalCode} ${family.city}`.trim()].filter(Boolean) : [];
  return html`<div class="parties">
    <section aria-labelledby="issuer-title">
      <h2 id="issuer-title">${t('attestation.issuer')}</h2>
      <address><strong>${issuerName(site)}</strong>${siteLines.map((l) => html`<br />${l}`)}</address>
    </section>
    ${family
      ? html`<section aria-labelledby="family-title">
          <h2 id="family-title">${t('attestation.family')}</h2>
          <address>${familyLines.map((l, i) => html`${i ? html`<br />` : ''}${l}`)}</address>
        </section>`
      : ''}
  </div>`;
}

export function madeFrom(madeOn: string): TemplateResult {
  return html`<p class="made-from">${t('attestation.madeFrom', { date: formatDate(madeOn) })}</p>`;
}
