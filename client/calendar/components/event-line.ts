import { html, nothing } from 'lit';
import { formatDate, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';

/** What an event's line says, in words: "Concert — Concert de Noël, samedi 12 décembre 2026 à 18:00, Auditorium — Annulé". */
export function eventLine(e: { kind: string; title: string; date: string; startTime: string | null; place: string; cancelled: boolean }) {
  const day = formatDate(e.date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return html`<strong>${t(`calendar.kind.${e.kind}` as MessageKey)}</strong> — ${e.title}, ${day}${e.startTime ? `, ${e.startTime}` : ''}${e.place ? `, ${e.place}` : ''}
    ${e.cancelled ? html` — <strong class="cancelled-mark">${t('calendar.cancelled')}</strong>` : nothing}`;
}

/** A short name of the event for a button's hidden context ("Modifier : Concert de Noël, 12 décembre 2026"). */
export const eventName = (e: { title: string; date: string }) => `${e.title}, ${formatDate(e.date)}`;
