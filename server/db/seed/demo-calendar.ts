import { addDays, mondayOf } from '../../../shared/calendar.ts';
import type { CourseEventKind } from '../../../shared/course-event.ts';
import { courseEvent } from '../schema/index.ts';
import { idOf, schoolDate, type SeedContext } from './demo-context.ts';

interface EventSeed {
  course: string;
  kind: CourseEventKind;
  title: string;
  /** "MM-DD" of the current school year, or 'this-week' (Saturday of the week of `now`). */
  day: string;
  startTime: string | null;
  durationMinutes: number | null;
  place: string;
  cancelled?: boolean;
}

/**
 * The demo's course events (issue 18, item 5): concerts, exams and auditions of the Lefèvre
 * children's and Mme Roussillon's classes, so /calendrier and the feed show some; one falls in the
 * week of `now`, so the calendar's first screen always has an event, and one is cancelled.
 */
const EVENTS: EventSeed[] = [
  { course: 'chorale-1', kind: 'concert', title: 'Concert de Noël des chorales', day: '12-12', startTime: '18:00', durationMinutes: 90, place: 'Auditorium Debussy' },
  { course: 'chorale-1', kind: 'rehearsal', title: 'Répétition générale', day: 'this-week', startTime: '10:00', durationMinutes: 120, place: 'Salle Boulanger' },
  { course: 'piano-1c4', kind: 'audition', title: 'Audition de la classe de piano', day: '02-06', startTime: '17:00', durationMinutes: 60, place: 'Salle Ravel' },
  { course: 'fm-1c4-a', kind: 'exam', title: 'Examen de fin de cycle (écrit)', day: '05-26', startTime: '14:00', durationMinutes: 120, place: 'Salle Fauré' },
  { course: 'violon-2c3', kind: 'audition', title: 'Audition de mi-année', day: '01-23', startTime: null, durationMinutes: null, place: 'Auditorium Debussy', cancelled: true },
  { course: 'fm-1c1-a', kind: 'other', title: 'Portes ouvertes de la classe', day: '03-18', startTime: '13:30', durationMinutes: 60, place: 'Salle Fauré' },
];

export async function seedCalendar(ctx: SeedContext): Promise<void> {
  const thisWeek = addDays(mondayOf(ctx.now.toISOString().slice(0, 10)), 5);
  const createdBy = idOf(ctx, 'user:secretariat.demo');
  await ctx.tx.insert(courseEvent).values(
    EVENTS.map((e) => ({
      courseId: idOf(ctx, `course:0:${e.course}`),
      siteId: idOf(ctx, 'site:mantes'),
      kind: e.kind,
      title: e.title,
      date: e.day === 'this-week' ? thisWeek : schoolDate(ctx, 0, e.day),
      startTime: e.startTime,
      durationMinutes: e.durationMinutes,
      place: e.place,
      cancelled: e.cancelled ?? false,
      createdBy,
      version: ctx.version,
    })),
  );
}
