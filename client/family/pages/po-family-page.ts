import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { FieldDescription } from '../../../shared/fields/field.ts';
import { familyIdentityFields } from '../../../shared/fields/identity-fields.ts';
import { FAMILY_FIELDS } from '../../../shared/identity-schemas.ts';
import { navigate } from '../../app/navigate.ts';
import { IdentityEditor } from '../components/identity-editor.ts';
import { identityField, identityFormStyles } from '../components/identity-form.ts';
import { PageElement } from '../../components/page-element.ts';
import '../components/po-family-tabs.ts';
import '../components/po-rejected-changes.ts';
import '../../components/po-data-pending.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/**
 * `/famille`: the responsible adult's identity form (the extranet's "Famille → Identité").
 * "Modifier" never writes the record: it queues a change request (sent now, or when the network
 * returns) that the secretariat validates; each changed field shows its pending value until then.
 */
@customElement('po-family-page')
export class PoFamilyPage extends PageElement {
  static override styles = [
    pageStyles,
    identityFormStyles,
    css`
      form {
        max-inline-size: 40rem;
      }
      .record-status {
        font-weight: 600;
      }
    `,
  ];

  private readonly editor = new IdentityEditor(this, 'family');

  private readonly data = new LiveQueryController(this, 'familyIdentity', () => []);

  protected pageTitle() {
    return t('family.title');
  }

  override render() {
    const d = this.data.value;
    const head = html`<h1>${t('family.title')}</h1>
      <po-family-tabs current="/famille"></po-family-tabs>`;
    if (!d) return html`${head}<po-data-pending></po-data-pending>`;
    const family = d.family;
    if (!family) return html`${head}<p class="notice">${t('records.notLoaded')}</p>`;
    const record = family;
    const overlay = d.overlay;
    const e = this.editor;
    const field = (spec: FieldDescription) =>
      identityField(spec, {
        value: e.shown(spec.name, record, overlay),
        error: e.errors[spec.name],
        state: overlay?.fields[spec.name],
        onInput: (name, value) => e.set(name, value),
      });
    const specs = Object.values(familyIdentityFields);
    const byName = (names: string[]) => specs.filter((s) => names.includes(s.name)).map(field);
    return html`
      ${head}
      ${e.renderSummary()}
      <po-rejected-changes .rejections=${overlay?.rejections ?? []}></po-rejected-changes>
      <h2>${t('records.familyIdentityTitle')}</h2>
      <p>${t('records.workflowNote')}</p>
      <form novalidate @submit=${this._onSubmit}>
        <p class="hint">${t('records.requiredNote')}</p>
        <fieldset>
          <legend>${t('records.identityLegend')}</legend>
          ${byName(['civility', 'lastName', 'firstName'])}
        </fieldset>
        <fieldset>
          <legend>${t('records.contactLegend')}</legend>
          ${byName(['address', 'postalCode', 'city', 'phoneHome', 'phoneWork', 'mobile', 'smsOptIn', 'email'])}
        </fieldset>
        <div class="actions">
          <button type="submit" aria-disabled=${e.busy ? 'true' : 'false'}>${t('records.submit')}</button>
          <button type="button" class="secondary" @click=${this._onBack}>${t('records.back')}</button>
        </div>
        ${overlay?.awaitingReview || overlay?.queued
          ? html`<p class="record-status">${overlay.queued ? t('records.recordQueued') : t('records.recordPending')}</p>`
          : nothing}
      </form>
      <p role="status" class="announcement">${e.announcement}</p>
    `;
  }

  private _onSubmit(event: Event) {
    event.preventDefault();
    const d = this.data.value;
    if (!d?.family) return;
    void this.editor.submitChange(d.family.id, [...FAMILY_FIELDS], d.family, d.overlay);
  }

  private _onBack() {
    if (history.length > 1) history.back();
    else navigate('/accueil');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-family-page': PoFamilyPage;
  }
}
