import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { PageElement } from '../components/page-element.ts';
import { recordList } from '../components/record-list.ts';
import { db } from '../data/db.ts';
import { LiveQueryController } from '../data/live-query-controller.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';

/** `/famille`: the responsible adult's identity and contact details, from the device (read-only for now). */
@customElement('po-family-page')
export class PoFamilyPage extends PageElement {
  static override styles = pageStyles;

  private readonly data = new LiveQueryController(this, async () => ({
    family: await db.families.toCollection().first(),
    students: await db.students.orderBy('lastName').toArray(),
  }));

  protected pageTitle() {
    return t('family.title');
  }

  override render() {
    const d = this.data.value;
    if (!d) return html`<h1>${t('family.title')}</h1><p>${t('common.loading')}</p>`;
    const f = d.family;
    return html`
      <h1>${t('family.title')}</h1>
      ${!f
        ? html`<p class="notice">${t('family.notLoaded')}</p>`
        : html`<section aria-labelledby="identity-title">
            <h2 id="identity-title">${t('family.identity')}</h2>
            ${recordList([
              [t('family.civility'), f.civility],
              [t('family.lastName'), f.lastName],
              [t('family.firstName'), f.firstName],
              [t('family.address'), f.address],
              [t('family.postalCode'), f.postalCode],
              [t('family.city'), f.city],
              [t('family.phoneHome'), f.phoneHome],
              [t('family.phoneWork'), f.phoneWork],
              [t('family.mobile'), f.mobile],
              [t('family.email'), f.email],
              [t('family.sms'), f.smsOptIn ? t('family.smsYes') : t('family.smsNo')],
            ])}
          </section>`}
      <section aria-labelledby="students-title">
        <h2 id="students-title">${t('family.students')}</h2>
        ${d.students.length
          ? html`<ul>
              ${d.students.map((s) => html`<li><a href="/eleves/${s.id}">${s.firstName} ${s.lastName}</a> — ${t('home.born', { date: formatDate(s.birthDate) })}</li>`)}
            </ul>`
          : html`<p>${t('home.noStudents')}</p>`}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-family-page': PoFamilyPage;
  }
}
