import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { COURSE_EVENT_KINDS, courseEventSchema, type CourseEventKind, type CourseEventValues } from '../../../shared/course-event.ts';
import { FormController, type Problem } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/** What the owner's save did: a message to announce, or a refusal to show at the fields. */
export type CourseEventSaveOutcome = { message: string } | { problem: Problem };

/** An event as the form is filled from (editing); numbers as text. */
export interface CourseEventFormValues {
  kind: CourseEventKind;
  title: string;
  date: string;
  startTime: string;
  durationMinutes: string;
  place: string;
}

const EMPTY: CourseEventFormValues = { kind: 'concert', title: '', date: '', startTime: '', durationMinutes: '', place: '' };

/**
 * The form of a course's event (kind, title, date, optional start time and duration, place),
 * shared by the secretariat's course page and the teacher's class page, checked with the shared
 * schema before `save` runs (the owner's write: online for the desk, the outbox for the teacher).
 * Errors go next to their fields and in the focused summary; the outcome is announced in the
 * polite status line; a saved new event empties the form for the next one.
 *
 * @fires po-course-event-saved - the save stood (the owner reads its list again)
 * @fires po-course-event-edit-cancel - "Abandonner la modification" (editing only)
 */
@customElement('po-course-event-form')
export class PoCourseEventForm extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
      }
      .when {
        display: grid;
        gap: var(--po-space);
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      }
    `,
  ];

  /** Writes the checked values; throws OfflineError / HttpError for the form to show. */
  @property({ attribute: false }) save?: (values: CourseEventValues) => Promise<CourseEventSaveOutcome>;
  /** The event being edited (its values), or null for a new one. */
  @property({ attribute: false }) editing: CourseEventFormValues | null = null;
  /** The heading level's text of the form ("Ajouter un événement" / "Modifier l'événement"). */
  @property() heading = '';

  private readonly form = new FormController(this, {
    name: 'course-event',
    idPrefix: 'event-',
    fields: ['kind', 'title', 'date', 'startTime', 'durationMinutes', 'place'],
    initial: { ...EMPTY },
  });

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('editing')) {
      this.form.reset(this.editing ?? {});
      this.form.clearErrors();
    }
  }

  override render() {
    const form = this.form;
    const text = (name: keyof CourseEventFormValues, labelKey: MessageKey, extra: { type?: 'date'; required?: boolean; inputmode?: 'numeric' } = {}, hint?: string) =>
      form.textField({ name, labelKey, ...extra }, hint ? { hint } : {});
    return html`
      ${this.heading ? html`<h3>${this.heading}</h3>` : nothing}
      ${form.renderSummary()}
      <form novalidate @submit=${this._onSubmit}>
        ${this.renderKind()}
        ${text('title', 'calendar.events.titleField', { required: true })}
        <div class="when">
          ${text('date', 'calendar.events.date', { type: 'date', required: true })}
          ${text('startTime', 'calendar.events.startTime', {}, t('calendar.events.startTimeHint'))}
          ${text('durationMinutes', 'calendar.events.duration', { inputmode: 'numeric' })}
        </div>
        ${text('place', 'calendar.events.place')}
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('calendar.events.save')}</button>
          ${this.editing
            ? html`<button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('po-course-event-edit-cancel', { bubbles: true, composed: true }))}>
                ${t('calendar.events.cancelEdit')}
              </button>`
            : nothing}
        </div>
      </form>
      <div role="status">
        ${form.succeeded && form.announcement ? html`<p class="notice success">${form.announcement}</p>` : html`<p>${form.announcement}</p>`}
      </div>
    `;
  }

  private renderKind() {
    const error = this.form.error('kind');
    return html`<div class="field">
      <label for="event-kind">${t('calendar.events.kind')}<span aria-hidden="true"> *</span></label>
      ${error ? html`<p class="field-error" id="event-kind-error">${error}</p>` : nothing}
      <select id="event-kind" name="kind" required aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? 'event-kind-error' : undefined)}
        .value=${live(this.form.values.kind)} @change=${(e: Event) => this.form.set('kind', (e.target as HTMLSelectElement).value as CourseEventKind)}>
        ${COURSE_EVENT_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.form.values.kind}>${t(`calendar.kind.${k}`)}</option>`)}
      </select>
    </div>`;
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const save = this.save;
    if (!save || this.form.busy) return;
    const values = this.form.validate(courseEventSchema);
    if (!values) return;
    const sent = await this.form.submit(() => save(values), { pending: t('calendar.events.saving') });
    if (!sent.ok) return;
    if ('problem' in sent.value) {
      this.form.showErrors(sent.value.problem.fields, sent.value.problem.message);
      return;
    }
    if (!this.editing) this.form.reset();
    this.form.announce(sent.value.message, { success: true, again: true });
    this.dispatchEvent(new CustomEvent('po-course-event-saved', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-course-event-form': PoCourseEventForm;
  }
  interface GlobalEventHandlersEventMap {
    'po-course-event-saved': CustomEvent;
    'po-course-event-edit-cancel': CustomEvent;
  }
}
