import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CourseEventValues } from '../../../shared/course-event.ts';
import { offlineNotice } from '../../components/offline-notice.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { createCourseEvent, fetchCourseEvents, updateCourseEvent, type AdminCourseEvent } from '../data/admin-course-events.ts';
import { eventFormValues, eventList, eventListStyles } from './event-list.ts';
import './po-course-event-form.ts';
import type { CourseEventFormValues } from './po-course-event-form.ts';

/**
 * "Événements" on the secretariat's course page (/admin/cours/:courseId): the course's concerts,
 * exams, auditions… with "Modifier" and "Annuler l'événement" / "Rétablir l'événement" (an event
 * is cancelled, never deleted: the families see it cancelled), and the form to add one or correct
 * the one chosen. Online, like the rest of the desk: offline it says so and offers to retry.
 */
@customElement('po-admin-course-events')
export class PoAdminCourseEvents extends LitElement {
  static override styles = [
    pageStyles,
    eventListStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The course (the page's `:courseId`). */
  @property({ attribute: false }) courseId = '';

  @state() private events: AdminCourseEvent[] | null = null;
  @state() private offline = false;
  @state() private editing: AdminCourseEvent | null = null;
  /** What the last cancel / restore did, in words. */
  @state() private notice: { text: string; error?: boolean } | null = null;
  private acting = false;

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('courseId') && this.courseId) void this.load();
  }

  private async load() {
    try {
      this.events = (await fetchCourseEvents(this.courseId)).events;
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      // The page itself says when the course is not the site's; a refusal here is said in words.
      else if (error instanceof HttpError) this.notice = { text: t('calendar.feed.refused', { message: error.body.error.message }), error: true };
      else throw error;
    }
  }

  override render() {
    const editing = this.editing;
    return html`
      <h2 id="events-title" tabindex="-1">${t('calendar.events.title')}</h2>
      <p>${t('calendar.events.intro')}</p>
      <div role="status">
        ${this.offline ? offlineNotice(t('calendar.events.offline'), () => void this.load()) : nothing}
        ${this.notice ? html`<p class="notice ${this.notice.error ? 'error' : 'success'}">${this.notice.text}</p>` : nothing}
      </div>
      ${this.events
        ? this.events.length
          ? eventList(this.events, { allowed: () => true, edit: (e) => void this.edit(e), toggleCancelled: (e) => void this.toggleCancelled(e) })
          : html`<p>${t('calendar.events.none')}</p>`
        : nothing}
      <po-course-event-form
        heading=${editing ? t('calendar.events.edit') : t('calendar.events.add')}
        .editing=${editing ? eventFormValues(editing) : null}
        .save=${(values: CourseEventValues) => this.save(values)}
        @po-course-event-saved=${() => void this.afterSave()}
        @po-course-event-edit-cancel=${() => (this.editing = null)}
      ></po-course-event-form>
    `;
  }

  private async edit(e: AdminCourseEvent) {
    this.editing = e;
    await this.updateComplete;
    // The form, now filled with the event, takes the focus at its first field.
    (this.shadowRoot?.querySelector('po-course-event-form')?.shadowRoot?.getElementById('event-kind') as HTMLElement | null)?.focus();
  }

  private async save(values: CourseEventValues) {
    const editing = this.editing;
    if (editing) await updateCourseEvent(this.courseId, editing.id, { ...values, cancelled: editing.cancelled });
    else await createCourseEvent(this.courseId, values);
    return { message: t('calendar.events.saved', { title: values.title }) };
  }

  private async afterSave() {
    this.editing = null;
    this.notice = null;
    await this.load();
  }

  private async toggleCancelled(e: AdminCourseEvent) {
    if (this.acting) return;
    this.acting = true;
    try {
      const { id, kind, title, date, startTime, durationMinutes, place } = e;
      await updateCourseEvent(this.courseId, id, { kind: kind as CourseEventFormValues['kind'], title, date, startTime, durationMinutes, place, cancelled: !e.cancelled });
      this.notice = { text: e.cancelled ? t('calendar.events.restored', { title }) : t('calendar.events.cancelledDone', { title }) };
      await this.load();
    } catch (error) {
      if (error instanceof OfflineError) this.notice = { text: t('calendar.events.offline'), error: true };
      else if (error instanceof HttpError) this.notice = { text: t('calendar.feed.refused', { message: error.body.error.message }), error: true };
      else throw error;
    } finally {
      this.acting = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-course-events': PoAdminCourseEvents;
  }
}
