import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { fieldErrors } from '../../shared/auth-schemas.ts';
import { familyIdentitySchema, studentIdentitySchema, type IdentityValue } from '../../shared/identity-schemas.ts';
import { api, HttpError, OfflineError } from '../api/http.ts';
import { errorSummary, focusErrorSummary } from '../components/form-fields.ts';
import {
  FAMILY_SPECS,
  identityField,
  identityFormStyles,
  STUDENT_CONTACT_SPECS,
  STUDENT_IDENTITY_SPECS,
  STUDENT_SCHOOL_SPECS,
  type FieldSpec,
} from '../components/identity-form.ts';
import { PageElement } from '../components/page-element.ts';
import '../components/po-family-accounts.ts';
import type { FamilyAccountView } from '../components/po-family-accounts.ts';
import { t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';
import { offlineNotice } from '../components/offline-notice.ts';

type Row = Record<string, unknown> & { id: string; firstName: string; lastName: string; version: number };
interface FamilyAnswer {
  family: Row;
  students: Row[];
  pendingRequests: Array<{ id: string; targetId: string }>;
  accounts: FamilyAccountView[];
}

/**
 * `/admin/familles/:id`: the secretariat opens a family of its site and edits it, or one of its
 * students, directly (no request; the server audits each change). Another site's family is 404.
 */
@customElement('po-admin-family-page')
export class PoAdminFamilyPage extends PageElement {
  static override styles = [
    pageStyles,
    identityFormStyles,
    css`
      form {
        max-inline-size: 40rem;
        margin-block-end: 2rem;
      }
    `,
  ];

  @property({ attribute: false }) familyId = '';

  @state() private data: FamilyAnswer | null = null;
  @state() private missing = false;
  @state() private offline = false;
  /** Typed values per form ("family" or a student id): kept across errors. */
  @state() private values: Record<string, Record<string, IdentityValue>> = {};
  @state() private errors: Record<string, string> = {};
  @state() private summary = '';
  @state() private announcement = '';

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('familyId') && this.familyId) void this.load();
  }

  protected pageTitle() {
    if (this.missing) return t('admin.family.notFound');
    const f = this.data?.family;
    return f ? `${t('admin.family.title')} — ${f.lastName} ${f.firstName}` : t('admin.family.title');
  }

  private async load() {
    try {
      this.data = await api<FamilyAnswer>(`/api/admin/families/${encodeURIComponent(this.familyId)}`);
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
    const items = Object.entries(this.errors).map(([field, message]) => ({ field, message }));
    return html`
      <h1>${d ? `${t('admin.family.title')} — ${d.family.lastName} ${d.family.firstName}` : t('admin.family.title')}</h1>
      <div role="status">${this.offline ? offlineNotice(t('admin.requests.offline'), () => void this.load()) : nothing}</div>
      ${errorSummary(items, this.shadowRoot, this.summary || undefined)}
      <p role="status" class="announcement">${this.announcement}</p>
      ${!d
        ? this.offline
          ? nothing
          : html`<p>${t('common.loading')}</p>`
        : html`
            ${d.pendingRequests.length
              ? html`<p class="notice">${t('admin.family.pending', { count: d.pendingRequests.length })} <a href="/admin/demandes">${t('admin.requests.link')}</a></p>`
              : nothing}
            <h2>${t('records.familyIdentityTitle')}</h2>
            ${this.renderForm('family', d.family, FAMILY_SPECS())}
            <po-family-accounts .accounts=${d.accounts} @po-accounts-changed=${() => void this.load()}></po-family-accounts>
            <h2>${t('admin.family.students')}</h2>
            ${d.students.map(
              (s) => html`<h3>${s.firstName} ${s.lastName}</h3>
                ${this.renderForm(s.id, s, [
                  ...STUDENT_IDENTITY_SPECS(),
                  { name: 'useFamilyContact', kind: 'checkbox' },
                  ...STUDENT_CONTACT_SPECS(),
                  ...STUDENT_SCHOOL_SPECS(),
                ])}`,
            )}
            <p><a href="/admin/familles">${t('admin.family.backToFamilies')}</a></p>
            <p><a href="/admin/demandes">${t('admin.family.backToRequests')}</a></p>
          `}
    `;
  }

  private value(key: string, record: Row, field: string): IdentityValue {
    return this.values[key]?.[field] ?? ((record[field] as IdentityValue | undefined) ?? '');
  }

  private renderForm(key: string, record: Row, specs: FieldSpec[]): TemplateResult {
    const prefix = key === 'family' ? 'f-' : `s-${key}-`;
    return html`<form novalidate aria-label=${`${record.firstName} ${record.lastName}`} @submit=${(e: Event) => this._onSubmit(e, key, record, specs)}>
      ${specs.map((spec) =>
        identityField(spec, {
          idPrefix: prefix,
          value: this.value(key, record, spec.name),
          error: this.errors[prefix + spec.name],
          onInput: (name, value) => (this.values = { ...this.values, [key]: { ...this.values[key], [name]: value } }),
        }),
      )}
      <div class="actions"><button type="submit">${t('admin.family.save')}</button></div>
    </form>`;
  }

  private async _onSubmit(event: Event, key: string, record: Row, specs: FieldSpec[]) {
    event.preventDefault();
    const prefix = key === 'family' ? 'f-' : `s-${key}-`;
    const input = Object.fromEntries(specs.map((s) => [s.name, this.value(key, record, s.name)]));
    const schema = key === 'family' ? familyIdentitySchema : studentIdentitySchema;
    const parsed = schema.safeParse(input);
    const prefixed = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([f, m]) => [prefix + f, m]));
    if (!parsed.success) {
      this.errors = prefixed(fieldErrors(parsed.error));
      this.summary = '';
      this.announcement = '';
      void focusErrorSummary(this);
      return;
    }
    try {
      const url = key === 'family' ? `/api/admin/families/${record.id}` : `/api/admin/students/${record.id}`;
      const answer = await api<{ changed: string[] }>(url, { method: 'PUT', body: parsed.data });
      this.errors = {};
      this.summary = '';
      this.values = { ...this.values, [key]: {} };
      this.announcement = answer.changed.length ? t('admin.family.saved', { count: answer.changed.length }) : t('admin.family.unchanged');
      await this.load();
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else if (error instanceof HttpError) {
        this.errors = prefixed(error.body.error.fields ?? {});
        this.summary = error.body.error.message;
        void focusErrorSummary(this);
      } else throw error;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-family-page': PoAdminFamilyPage;
  }
}
