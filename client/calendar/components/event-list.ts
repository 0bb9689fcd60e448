import { css, html, nothing } from 'lit';
import { t } from '../../i18n/i18n.ts';
import { eventLine, eventName } from './event-line.ts';
import type { CourseEventFormValues } from './po-course-event-form.ts';

/** An event as the lists show it, with what the page adds after its line (e.g. "En attente d'envoi"). */
export interface ListedEvent {
  id: string;
  kind: string;
  title: string;
  date: string;
  startTime: string | null;
  place: string;
  cancelled: boolean;
}

/** An event as the form is filled from to correct it: numbers as text. */
export function eventFormValues(e: ListedEvent & { durationMinutes: number | null }): CourseEventFormValues {
  return { kind: e.kind as CourseEventFormValues['kind'], title: e.title, date: e.date, startTime: e.startTime ?? '', durationMinutes: e.durationMinutes == null ? '' : String(e.durationMinutes), place: e.place };
}

export const eventListStyles = css`
  ul.events {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  ul.events > li {
    border: 1px solid var(--po-color-border);
    border-radius: var(--po-radius);
    padding: 0.5rem 0.75rem;
    overflow-wrap: anywhere;
  }
  .cancelled-mark {
    color: var(--po-color-error);
  }
  @media (forced-colors: active) {
    ul.events > li {
      border-color: CanvasText;
    }
  }
`;

/**
 * A course's events, each with "Modifier" and "Annuler l'événement" / "Rétablir l'événement" when
 * `actions` allows it for that event (buttons named with the event for a screen reader: several
 * "Modifier" in a row would not say which). An event is cancelled, never deleted.
 */
export function eventList<E extends ListedEvent>(
  events: E[],
  actions: { allowed: (e: E) => boolean; edit: (e: E) => void; toggleCancelled: (e: E) => void; after?: (e: E) => unknown },
) {
  return html`<ul class="events">
    ${events.map(
      (e) => html`<li>
        <p>${eventLine(e)}${actions.after?.(e) ?? nothing}</p>
        ${actions.allowed(e)
          ? html`<div class="actions">
              <button type="button" class="secondary" @click=${() => actions.edit(e)}>
                ${t('calendar.events.editOf')}<span class="visually-hidden"> : ${eventName(e)}</span>
              </button>
              <button type="button" class="secondary" @click=${() => actions.toggleCancelled(e)}>
                ${e.cancelled ? t('calendar.events.restore') : t('calendar.events.cancel')}<span class="visually-hidden"> : ${eventName(e)}</span>
              </button>
            </div>`
          : nothing}
      </li>`,
    )}
  </ul>`;
}
