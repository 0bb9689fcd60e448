import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import type { CancelledLesson } from '../data/teacher-absence-queries.ts';

/**
 * Tells a family which upcoming lessons are cancelled by a teacher's absence: "Cours du mercredi
 * 9 décembre annulé — absence de Mme Roussillon", the message to families below it. Said in words
 * and marked with a sign and a border, never by colour alone. The polite live region is always
 * there, so notices arriving with a sync are announced without interrupting; empty, it shows
 * nothing.
 */
@customElement('po-teacher-absence-notice')
export class PoTeacherAbsenceNotice extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .notice {
        border: 2px solid var(--po-color-text);
        border-inline-start-width: 0.4em;
      }
      h2 {
        font-size: 1.2em;
      }
      h2::before {
        content: '⚠ ';
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.75em;
      }
      p {
        margin: 0;
      }
      .message {
        white-space: pre-line;
        overflow-wrap: anywhere;
        padding-inline-start: 1em;
        border-inline-start: 2px solid var(--po-color-border);
      }
      @media (forced-colors: active) {
        .notice {
          border-color: CanvasText;
        }
        .message {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The cancelled lessons to announce, in the order shown. */
  @property({ attribute: false }) notices: CancelledLesson[] = [];
  /** Name each lesson's course and students (the home screen lists every course; a course sheet does not). */
  @property({ type: Boolean, attribute: 'with-course' }) withCourse = false;

  override render() {
    return html`<div role="status" aria-live="polite">
      ${this.notices.length
        ? html`<section class="notice warning" aria-labelledby="cancelled-title">
            <h2 id="cancelled-title">${t('absenceNotice.title')}</h2>
            <ul>
              ${this.notices.map((n) => {
                const day = formatDate(n.date, { weekday: 'long', day: 'numeric', month: 'long' });
                const line = t('absenceNotice.lesson', { day, teacher: n.teacher });
                return html`<li>
                  <p>
                    ${this.withCourse ? html`<strong>${t('absenceNotice.course', { course: n.courseName, students: n.students.join(', ') })}</strong> ` : nothing}${capitalised(line, !this.withCourse)}
                  </p>
                  ${n.message ? html`<p class="message"><span class="visually-hidden">${t('absenceNotice.message')} </span>${n.message}</p>` : nothing}
                </li>`;
              })}
            </ul>
          </section>`
        : nothing}
    </div>`;
  }
}

/** The line starts the sentence on a course sheet ("Cours du…"), follows the course's name on the home screen ("cours du…"). */
function capitalised(line: string, first: boolean): string {
  return first ? line.charAt(0).toUpperCase() + line.slice(1) : line;
}

declare global {
  interface HTMLElementTagNameMap {
    'po-teacher-absence-notice': PoTeacherAbsenceNotice;
  }
}
