import { css, html, nothing, type TemplateResult } from 'lit';
import type { EmergencyContact } from '../../../shared/emergency-contact.ts';
import { t } from '../../i18n/i18n.ts';

/** "06 12 34 56 78" → "tel:0612345678" (the number as the phone dials it). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * A list of emergency contacts as people read it (the family's page, the teacher's roster, the
 * secretariat's review): name, relation, the phone as a tel: link, and whether the person may
 * pick the child up said in words ("peut récupérer l'enfant : oui"), never by a colour.
 */
export function contactList(contacts: readonly EmergencyContact[] | null | undefined, opts: { empty?: string } = {}): TemplateResult {
  if (!contacts?.length) return html`<p class="contacts-empty">${opts.empty ?? t('contacts.empty')}</p>`;
  return html`<ul class="contacts">
    ${contacts.map(
      (c) => html`<li>
        <strong>${c.name}</strong>${c.relation ? html` (${c.relation})` : nothing} —
        <a href=${telHref(c.phone)} aria-label=${t('contacts.call', { name: c.name, phone: c.phone })}>${c.phone}</a> —
        ${t('contacts.pickUpLine', { answer: c.mayPickUp ? t('contacts.yes').toLowerCase() : t('contacts.no').toLowerCase() })}
      </li>`,
    )}
  </ul>`;
}

export const contactListStyles = css`
  ul.contacts {
    margin: 0;
    padding-inline-start: 1.2em;
    display: grid;
    gap: 0.25em;
  }
  ul.contacts a {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--po-target-size);
    white-space: nowrap;
  }
  .contacts-empty {
    margin: 0;
  }
`;
