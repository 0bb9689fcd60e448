import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CourseEventValues } from '../../../shared/course-event.ts';
import { serverProblem } from '../../forms/form-controller.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { newRecordId } from '../../teacher/data/evaluation-commands.ts';
import { saveTeacherCourseEvent } from '../data/course-event-commands.ts';
import { teacherCourseEvents } from '../data/teacher-course-events.ts';
import { eventLine } from './event-line.ts';
import './po-course-event-form.ts';

/**
 * "Événements" on the teacher's class page (/enseignant/cours/:courseId): the class's events read
 * from the device, and "Ajouter un événement". The teacher's write goes through the outbox, like
 * a roll call: it works in a room without network, shows at once marked "En attente d'envoi",
 * and leaves with the next push.
 */
@customElement('po-teacher-course-events')
export class PoTeacherCourseEvents extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
      }
      ul {
        padding-inline-start: 1.25em;
      }
      li {
        overflow-wrap: anywhere;
        margin-block-end: 0.25em;
      }
      .cancelled-mark {
        color: var(--po-color-error);
      }
    `,
  ];

  /** The class (the page's `:courseId`). */
  @property({ attribute: false }) courseId = '';

  private readonly events = new LiveQueryController(this, () => teacherCourseEvents(this.courseId));

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('courseId') && changed.get('courseId') !== undefined) this.events.setQuery(() => teacherCourseEvents(this.courseId));
  }

  override render() {
    const events = this.events.value;
    return html`
      <h2 id="events-title">${t('calendar.events.title')}</h2>
      <p>${t('calendar.events.intro')}</p>
      ${events
        ? events.length
          ? html`<ul>
              ${events.map((e) => html`<li>${eventLine(e)}${e.queued ? html` — <em>${t('calendar.events.waiting')}</em>` : nothing}</li>`)}
            </ul>`
          : html`<p>${t('calendar.events.none')}</p>`
        : nothing}
      <po-course-event-form heading=${t('calendar.events.add')} .save=${(values: CourseEventValues) => this.save(values)}></po-course-event-form>
    `;
  }

  private async save(values: CourseEventValues) {
    const result = await saveTeacherCourseEvent({ ...values, id: newRecordId(), courseId: this.courseId, cancelled: false });
    if (result === 'sent') return { message: t('calendar.events.saved', { title: values.title }) };
    if (result === 'queued') return { message: t('calendar.events.queued', { title: values.title }) };
    return { problem: serverProblem({ error: result.rejected }) };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-teacher-course-events': PoTeacherCourseEvents;
  }
}
