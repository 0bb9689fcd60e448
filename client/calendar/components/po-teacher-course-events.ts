import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CourseEventValues } from '../../../shared/course-event.ts';
import { session } from '../../app/session.ts';
import { serverProblem } from '../../forms/form-controller.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { newRecordId, type TeachingResult } from '../../teacher/data/evaluation-commands.ts';
import { saveTeacherCourseEvent } from '../data/course-event-commands.ts';
import { type TeacherCourseEvent } from '../data/teacher-course-events.ts';
import { eventFormValues, eventList, eventListStyles } from './event-list.ts';
import './po-course-event-form.ts';
import type { CourseEventFormValues } from './po-course-event-form.ts';

/**
 * "Événements" on the teacher's class page (/enseignant/cours/:courseId): the class's events read
 * from the device, "Ajouter un événement", and on the teacher's own events "Modifier" and
 * "Annuler l'événement" / "Rétablir l'événement" (the secretariat's are the desk's to change). The
 * teacher's writes go through the outbox, like a roll call: they work in a room without network,
 * show at once marked "En attente d'envoi", and leave with the next push.
 */
@customElement('po-teacher-course-events')
export class PoTeacherCourseEvents extends LitElement {
  static override styles = [
    pageStyles,
    eventListStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The class (the page's `:courseId`). */
  @property({ attribute: false }) courseId = '';

  @state() private editing: TeacherCourseEvent | null = null;
  /** What the last cancel / restore did, in words (the status region says it). */
  @state() private notice: { text: string; error?: boolean } | null = null;

  private readonly events = new LiveQueryController(this, 'teacherCourseEvents', () => [this.courseId, this.userId()]);

  private userId() {
    return session.value.info?.user.id ?? '';
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('courseId') && changed.get('courseId') !== undefined) this.events.refresh();
  }

  override render() {
    const events = this.events.value;
    const editing = this.editing;
    return html`
      <h2 id="events-title">${t('calendar.events.title')}</h2>
      <p>${t('calendar.events.intro')}</p>
      <div role="status">${this.notice ? html`<p class="notice ${this.notice.error ? 'error' : 'success'}">${this.notice.text}</p>` : nothing}</div>
      ${events
        ? events.length
          ? eventList(events, {
              allowed: (e) => e.mine,
              edit: (e) => void this.edit(e),
              toggleCancelled: (e) => void this.toggleCancelled(e),
              after: (e) => (e.queued ? html` — <em>${t('calendar.events.waiting')}</em>` : nothing),
            })
          : html`<p>${t('calendar.events.none')}</p>`
        : nothing}
      <po-course-event-form
        heading=${editing ? t('calendar.events.edit') : t('calendar.events.add')}
        .editing=${editing ? eventFormValues(editing) : null}
        .save=${(values: CourseEventValues) => this.save(values)}
        @po-course-event-saved=${() => (this.editing = null)}
        @po-course-event-edit-cancel=${() => (this.editing = null)}
      ></po-course-event-form>
    `;
  }

  private async edit(e: TeacherCourseEvent) {
    this.editing = e;
    this.notice = null;
    await this.updateComplete;
    // The form, now filled with the event, takes the focus at its first field.
    (this.shadowRoot?.querySelector('po-course-event-form')?.shadowRoot?.getElementById('event-kind') as HTMLElement | null)?.focus();
  }

  private async save(values: CourseEventValues) {
    const editing = this.editing;
    const result = await saveTeacherCourseEvent({ ...values, id: editing?.id ?? newRecordId(), courseId: this.courseId, cancelled: editing?.cancelled ?? false });
    if (result === 'sent') return { message: t('calendar.events.saved', { title: values.title }) };
    if (result === 'queued') return { message: t('calendar.events.queued', { title: values.title }) };
    return { problem: serverProblem({ error: result.rejected }) };
  }

  private async toggleCancelled(e: TeacherCourseEvent) {
    const { id, kind, title, date, startTime, durationMinutes, place } = e;
    const result: TeachingResult = await saveTeacherCourseEvent({ id, courseId: this.courseId, kind: kind as CourseEventFormValues['kind'], title, date, startTime, durationMinutes, place, cancelled: !e.cancelled });
    if (result === 'queued') this.notice = { text: t('calendar.events.queued', { title }) };
    else if (result === 'sent') this.notice = { text: e.cancelled ? t('calendar.events.restored', { title }) : t('calendar.events.cancelledDone', { title }) };
    else this.notice = { text: result.rejected.message, error: true };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-teacher-course-events': PoTeacherCourseEvents;
  }
}
