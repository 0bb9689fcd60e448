import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FieldDescription } from '../../../shared/fields/field.ts';
import {
  familyIdentityFields,
  studentContactFields,
  studentIdentityFields,
  studentSchoolFields,
  studentUsesFamilyContactField,
} from '../../../shared/fields/identity-fields.ts';
import { familyIdentitySchema, studentIdentitySchema, type IdentityValue } from '../../../shared/identity-schemas.ts';
import { editFamily, editStudent, fetchFamilyRecord, type FamilyRecord } from '../data/admin-commands.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { identityField, identityFormStyles } from '../../family/components/identity-form.ts';
import { contactList, contactListStyles } from '../../family/components/emergency-contacts-view.ts';
import { PageElement } from '../../components/page-element.ts';
import { FormController } from '../../forms/form-controller.ts';
import '../components/po-family-accounts.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { offlineNotice } from '../../components/offline-notice.ts';

/** The family's or a student's record, read field by field (the form's field names). */
type Row = (FamilyRecord['family'] | FamilyRecord['students'][number]) & Record<string, unknown>;


/**
 * `/admin/familles/:id`: the secretariat opens a family of its site and edits it, or one of its
 * students, directly (no request; the server audits each change). Another site's family is 404.
 */
@customElement('po-admin-family-page')
export class PoAdminFamilyPage extends PageElement {
  static override styles = [
    pageStyles,
    identityFormStyles,
    contactListStyles,
    css`
      form {
        max-inline-size: 40rem;
        margin-block-end: 2rem;
      }
    `,
  ];

  /** The family opened (the route's `:id`), fetched from the server. */
  @property({ attribute: false }) familyId = '';

  @state() private data: FamilyRecord | null = null;
  @state() private missing = false;
  @state() private offline = false;
  /**
   * One form per record ("family" or a student id), its ids prefixed (`f-`, `s-<id>-`) so they
   * stay unique: the values typed (kept across errors and reloads; a field not typed shows the
   * record's value), errors and announcement. One summary and one announcement on the page at a
   * time: sending a form clears the others'.
   */
  private readonly forms = new Map<string, FormController<Record<string, IdentityValue>>>();

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('familyId') && this.familyId) void this.load();
  }

  private formFor(key: string, specs: FieldDescription[]): FormController<Record<string, IdentityValue>> {
    let form = this.forms.get(key);
    if (!form) {
      form = new FormController<Record<string, IdentityValue>>(this, {
        name: `admin-family-${key}`,
        idPrefix: key === 'family' ? 'f-' : `s-${key}-`,
        fields: specs.map((s) => s.name),
        initial: {},
      });
      this.forms.set(key, form);
    }
    return form;
  }

  protected pageTitle() {
    if (this.missing) return t('admin.family.notFound');
    const f = this.data?.family;
    return f ? `${t('admin.family.title')} — ${f.lastName} ${f.firstName}` : t('admin.family.title');
  }

  private async load() {
    try {
      this.data = await fetchFamilyRecord(this.familyId);
      this.missing = false;
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else if (error instanceof HttpError && error.status === 404) this.missing = true;
      else throw error;
    }
  }

  override render() {
    if (this.missing) {
      return html`<h1>${t('admin.family.notFound')}</h1>
        <p>${t('admin.family.notFoundText')}</p>
        <p><a href="/admin/familles">${t('admin.family.backToFamilies')}</a></p>
        <p><a href="/admin/demandes">${t('admin.family.backToRequests')}</a></p>`;
    }
    const d = this.data;
    const forms = [...this.forms.values()];
    return html`
      <h1>${d ? `${t('admin.family.title')} — ${d.family.lastName} ${d.family.firstName}` : t('admin.family.title')}</h1>
      <div role="status">${this.offline ? offlineNotice(t('admin.requests.offline'), () => void this.load()) : nothing}</div>
      ${forms.map((f) => f.renderSummary())}
      <p role="status" class="announcement">${forms.map((f) => f.announcement).join('')}</p>
      ${!d
        ? this.offline
          ? nothing
          : html`<p>${t('common.loading')}</p>`
        : html`
            ${d.pendingRequests.length
              ? html`<p class="notice">${t('admin.family.pending', { count: d.pendingRequests.length })} <a href="/admin/demandes">${t('admin.requests.link')}</a></p>`
              : nothing}
            <h2>${t('records.familyIdentityTitle')}</h2>
            ${this.renderForm('family', d.family, Object.values(familyIdentityFields))}
            <po-family-accounts .accounts=${d.accounts} @po-accounts-changed=${() => void this.load()}></po-family-accounts>
            <h2>${t('admin.family.students')}</h2>
            ${d.students.map(
              (s) => html`<h3>${s.firstName} ${s.lastName}</h3>
                ${this.renderForm(s.id, s, [
                  ...Object.values(studentIdentityFields),
                  studentUsesFamilyContactField.useFamilyContact,
                  ...Object.values(studentContactFields),
                  ...Object.values(studentSchoolFields),
                ])}
                <h4>${t('contacts.title')}</h4>
                ${contactList(s.emergencyContacts)}`,
            )}
            <p><a href="/admin/familles">${t('admin.family.backToFamilies')}</a></p>
            <p><a href="/admin/demandes">${t('admin.family.backToRequests')}</a></p>
          `}
    `;
  }

  private value(form: FormController<Record<string, IdentityValue>>, record: Row, field: string): IdentityValue {
    return form.dirty.has(field) ? form.values[field] : ((record[field] as IdentityValue | undefined) ?? '');
  }

  private renderForm(key: string, record: Row, specs: FieldDescription[]): TemplateResult {
    const form = this.formFor(key, specs);
    return html`<form novalidate aria-label=${`${record.firstName} ${record.lastName}`} @submit=${(e: Event) => this._onSubmit(e, key, record, specs)}>
      ${specs.map((spec) =>
        identityField(spec, {
          idPrefix: form.idPrefix,
          value: this.value(form, record, spec.name),
          error: form.error(spec.name),
          onInput: (name, value) => form.set(name, value),
        }),
      )}
      <div class="actions"><button type="submit">${t('admin.family.save')}</button></div>
    </form>`;
  }

  private async _onSubmit(event: Event, key: string, record: Row, specs: FieldDescription[]) {
    event.preventDefault();
    const form = this.formFor(key, specs);
    for (const other of this.forms.values()) if (other !== form) other.announce('');
    const input = Object.fromEntries(specs.map((s) => [s.name, this.value(form, record, s.name)]));
    const data = form.validate(key === 'family' ? familyIdentitySchema : studentIdentitySchema, input);
    if (!data) return;
    const sent = await form.submit(() => (key === 'family' ? editFamily(record.id, data) : editStudent(record.id, data)), {
      // Offline: the page's offline notice says so (and offers to retry), the values stay.
      problem: (error) => {
        if (!(error instanceof OfflineError)) return undefined;
        this.offline = true;
        return null;
      },
    });
    if (!sent.ok) return;
    form.reset();
    form.announce(sent.value.changed.length ? t('admin.family.saved', { count: sent.value.changed.length }) : t('admin.family.unchanged'));
    await this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-family-page': PoAdminFamilyPage;
  }
}
