import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../../i18n/i18n.ts';
import type { Lesson } from '../data/teacher-queries.ts';
import { localToday } from '../../../shared/lesson-dates.ts';

/**
 * A lesson's state in words (never colour alone): "Annulé" when one of the teacher's absences
 * cancels it, else whether its roll call was taken, waits on this device to be sent, or is still
 * to take (or to come). A cancelled lesson whose roll call was taken says both.
 */
@customElement('po-lesson-state')
export class PoLessonState extends LitElement {
  static override styles = css`
    :host {
      display: inline;
    }
    .cancelled {
      font-weight: 700;
      color: var(--po-color-error, inherit);
    }
    .taken::before {
      content: '✓ ' / '';
    }
    .queued::before {
      content: '⧗ ' / '';
    }
    @media (forced-colors: active) {
      .cancelled {
        color: CanvasText;
      }
    }
  `;

  /** The lesson (its date, cancelled, roll call taken or queued). */
  @property({ attribute: false }) lesson?: Lesson;

  override render() {
    const l = this.lesson;
    if (!l) return html``;
    const rollCall = l.queued
      ? html`<span class="queued">${t('lesson.queued')}</span>`
      : l.taken
        ? html`<span class="taken">${t('lesson.taken')}</span>`
        : null;
    if (l.cancelled) return html`<span class="cancelled">${t('lesson.cancelled')}</span>${rollCall ? html` — ${rollCall}` : ''}`;
    return rollCall ?? html`<span>${t(l.date > localToday() ? 'lesson.planned' : 'lesson.notTaken')}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-lesson-state': PoLessonState;
  }
}
