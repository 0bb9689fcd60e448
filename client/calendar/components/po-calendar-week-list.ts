import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CalendarEntry } from '../../../shared/calendar.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import type { CalendarDay } from '../data/calendar-queries.ts';

/** "HH:MM" plus minutes, on the same day's clock. */
function endOf(start: string, minutes: number): string {
  const total = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5)) + minutes;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 60) % 24)}:${pad(total % 60)}`;
}

/**
 * A week as an accessible list, not a grid: one heading per day that has something, then a list
 * of its lessons and events in time order — the time, what it is ("Cours", "Concert"…) in words,
 * the title, the place, who goes, and "Annulé" written out (never colour or strike-through alone).
 * Days without anything are left out; an empty week says so in one sentence.
 */
@customElement('po-calendar-week-list')
export class PoCalendarWeekList extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        font-size: 1.1em;
        margin-block: 1.25em 0.5em;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        border: 1px solid var(--po-color-border);
        border-inline-start-width: 0.4rem;
        border-radius: var(--po-radius);
        padding: 0.5rem 0.75rem;
        overflow-wrap: anywhere;
      }
      li.event {
        border-inline-start-color: var(--po-color-primary);
      }
      li.cancelled .what {
        text-decoration: line-through;
      }
      .when {
        font-weight: 700;
      }
      .badge {
        display: inline-block;
        font-weight: 700;
        border: 2px solid currentColor;
        border-radius: var(--po-radius);
        padding: 0 0.4em;
        margin-inline-end: 0.4em;
      }
      .cancelled-mark {
        color: var(--po-color-error);
      }
      p {
        margin: 0.15em 0 0;
      }
      @media (forced-colors: active) {
        li {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The week's days, each with its entries (from calendarWeek). */
  @property({ attribute: false }) days: CalendarDay[] = [];

  override render() {
    const days = this.days.filter((d) => d.entries.length);
    if (!days.length) return html`<p>${t('calendar.nothingThisWeek')}</p>`;
    return days.map(
      (d) => html`<h3>${formatDate(d.date, { weekday: 'long', day: 'numeric', month: 'long' })}</h3>
        <ul>
          ${d.entries.map((e) => this.renderEntry(e))}
        </ul>`,
    );
  }

  private renderEntry(e: CalendarEntry) {
    const when = e.startTime
      ? e.durationMinutes
        ? t('calendar.timeRange', { start: e.startTime, end: endOf(e.startTime, e.durationMinutes) })
        : e.startTime
      : t('calendar.allDay');
    const kind = e.type === 'lesson' ? t('calendar.lesson') : t(`calendar.kind.${e.kind ?? 'other'}` as MessageKey);
    return html`<li class="${e.type}${e.cancelled ? ' cancelled' : ''}" data-key=${e.key}>
      <p>
        <span class="when">${when}</span> —
        ${e.cancelled ? html`<strong class="badge cancelled-mark">${t('calendar.cancelled')}</strong>` : nothing}
        <span class="badge">${kind}</span> <span class="what">${e.title}</span>
      </p>
      ${e.type === 'event' ? html`<p>${t('calendar.ofCourse', { name: e.courseName })}</p>` : nothing}
      ${e.place ? html`<p>${t('calendar.place', { place: e.place })}</p>` : nothing}
      ${e.students.length ? html`<p>${t('calendar.for', { names: e.students.join(', ') })}</p>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-calendar-week-list': PoCalendarWeekList;
  }
}
