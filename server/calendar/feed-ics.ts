import ical, { ICalEventStatus } from 'ical-generator';
import { COURSE_EVENT_KIND_LABELS_FR } from '../../shared/course-event.ts';
import type { CalendarEntry } from '../../shared/calendar.ts';

/**
 * The iCalendar text of a feed (RFC 5545, made by ical-generator). Times are floating (no time
 * zone): a lesson at 17:30 is at 17:30 on the conservatory's clock, which is the families' own;
 * a day without a start time is a whole-day event. A cancelled lesson or event stays in the feed
 * with STATUS:CANCELLED and "Annulé" in its title, so a phone that had it shows it cancelled
 * instead of silently dropping it. UIDs are stable (`<key>@portee`), so a subscribed calendar
 * updates entries instead of doubling them.
 */
export function feedIcs(entries: CalendarEntry[], options: { name: string; now?: Date }): string {
  const calendar = ical({ name: options.name, prodId: { company: 'Portée', product: 'calendrier', language: 'FR' }, ttl: 60 * 60 });
  const stamp = options.now ?? new Date();
  for (const e of entries) {
    const start = new Date(`${e.date}T${e.startTime ?? '00:00'}:00Z`);
    const allDay = !e.startTime;
    const end = allDay ? new Date(start.getTime() + 86_400_000) : new Date(start.getTime() + (e.durationMinutes ?? 60) * 60_000);
    const what = e.type === 'lesson' ? e.title : `${COURSE_EVENT_KIND_LABELS_FR[e.kind ?? 'other']} : ${e.title}`;
    const details = [e.type === 'event' ? `Cours : ${e.courseName}` : '', e.students.length ? `Élèves : ${e.students.join(', ')}` : ''].filter(Boolean);
    calendar.createEvent({
      id: `${e.key}@portee`,
      start,
      end,
      allDay,
      floating: true,
      stamp,
      summary: e.cancelled ? `Annulé : ${what}` : what,
      location: e.place || null,
      description: details.length ? details.join('\n') : null,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
