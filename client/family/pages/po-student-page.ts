import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { STUDENT_CONTACT_FIELDS, STUDENT_FIELDS } from '../../../shared/identity-schemas.ts';
import type { FieldDescription } from '../../../shared/fields/field.ts';
import { studentContactFields, studentIdentityFields, studentSchoolFields, studentUsesFamilyContactField } from '../../../shared/fields/identity-fields.ts';
import { navigate } from '../../app/navigate.ts';
import { IdentityEditor } from '../components/identity-editor.ts';
import { identityField, identityFormStyles } from '../components/identity-form.ts';
import { PageElement } from '../../components/page-element.ts';
import '../components/po-rejected-changes.ts';
import '../../pedagogy/components/po-student-tabs.ts';
import '../../components/po-data-pending.ts';
import '../../billing/components/po-attestation-button.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/**
 * `/eleves/:id`: a student's identity form (the extranet's "Élèves → Identité"), from the device.
 * "Modifier" queues a change request for the secretariat, like the family's form. Another
 * family's student (or any unknown id) is simply not in the local database: the page says
 * "Élève introuvable", never more.
 */
@customElement('po-student-page')
export class PoStudentPage extends PageElement {
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

  /** The student shown (the route's `:id`). */
  @property({ attribute: false }) studentId = '';

  private editor = new IdentityEditor(this, 'student');
  private readonly data = new LiveQueryController(this, 'studentIdentity', () => [this.studentId]);
  /** The enrolment attestation of the current year (its PDF button); undefined until the first pull. */
  private readonly attestation = new LiveQueryController(this, 'enrolmentAttestation', () => [this.studentId]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('studentId') && changed.get('studentId') !== undefined) {
      // Another student: a fresh form (what was typed belonged to the previous one).
      this.removeController(this.editor);
      this.editor = new IdentityEditor(this, 'student');
      this.data.refresh();
      this.attestation.refresh();
    }
  }

  protected pageTitle() {
    const s = this.data.value?.student;
    if (this.data.value && !s) return t('student.notFound');
    return s ? `${s.firstName} ${s.lastName}` : t('student.title');
  }

  override render() {
    const d = this.data.value;
    if (!d) {
      return html`<h1>${t('student.title')}</h1><po-data-pending></po-data-pending>
        <po-attestation-button kind="enrolment" .attestation=${undefined}></po-attestation-button>`;
    }
    const s = d.student;
    if (!s) {
      return html`<h1>${t('student.notFound')}</h1>
        <p>${t('student.notFoundText')}</p>
        <p><a href="/famille">${t('student.backToFamily')}</a></p>`;
    }
    const record = s;
    const overlay = d.overlay;
    const e = this.editor;
    const field = (spec: FieldDescription) =>
      identityField(spec, {
        value: e.shown(spec.name, record, overlay),
        error: e.errors[spec.name],
        state: overlay?.fields[spec.name],
        onInput: (name, value) => e.set(name, value),
      });
    const usesFamilyContact = e.shown('useFamilyContact', record, overlay) === true;
    return html`
      <h1>${s.firstName} ${s.lastName}</h1>
      <po-student-tabs student-id=${s.id} current="identity" student-nav></po-student-tabs>
      <div class="attestation">
        <p><a href="/eleves/${s.id}/attestation">${t('attestation.viewEnrolment')}</a></p>
        <po-attestation-button kind="enrolment" .attestation=${this.attestation.value ?? undefined} name=${t('attestation.enrolmentButtonName', { name: `${s.firstName} ${s.lastName}` })}></po-attestation-button>
      </div>
      ${e.renderSummary()}
      <po-rejected-changes .rejections=${overlay?.rejections ?? []}></po-rejected-changes>
      <h2>${t('student.identity')}</h2>
      <p><a href="/eleves/${s.id}/contacts">${t('contacts.linkFromStudent')}</a></p>
      <p>${t('records.workflowNote')}</p>
      <form novalidate @submit=${this._onSubmit}>
        <p class="hint">${t('records.requiredNote')}</p>
        <fieldset>
          <legend>${t('records.identityLegend')}</legend>
          ${Object.values(studentIdentityFields).map(field)}
        </fieldset>
        <fieldset>
          <legend>${t('records.contactLegend')}</legend>
          ${field(studentUsesFamilyContactField.useFamilyContact)}
          ${usesFamilyContact ? nothing : Object.values(studentContactFields).map(field)}
        </fieldset>
        <fieldset>
          <legend>${t('records.schoolLegend')}</legend>
          ${Object.values(studentSchoolFields).map(field)}
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
    if (!d?.student) return;
    const record = d.student;
    // Hidden contact fields are not part of this edit (the family uses the responsible's details).
    const hidden = this.editor.shown('useFamilyContact', record, d.overlay) === true;
    const fields = STUDENT_FIELDS.filter((f) => !hidden || !(STUDENT_CONTACT_FIELDS as readonly string[]).includes(f));
    void this.editor.submitChange(d.student.id, fields, record, d.overlay);
  }

  private _onBack() {
    if (history.length > 1) history.back();
    else navigate('/famille/eleves');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-student-page': PoStudentPage;
  }
}
