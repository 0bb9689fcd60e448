/**
 * No SMS between 21:00 and 08:00, Paris time (a message due then waits until 08:00). Computed
 * with Intl in the Europe/Paris zone, so the change to and from summer time moves the instant, not
 * the wall-clock hour.
 */
const ZONE = 'Europe/Paris';
const QUIET_FROM_HOUR = 21;
const QUIET_UNTIL_HOUR = 8;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function parisWallClock(at: Date) {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, Number(x.value)])) as Record<string, number>;
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

/** Paris's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function parisOffsetMs(at: Date): number {
  const w = parisWallClock(at);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at.getTime() / 1000) * 1000;
}

export function isQuietHour(at: Date): boolean {
  const { hour } = parisWallClock(at);
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** `at` itself outside quiet hours, else the next 08:00 in Paris. */
export function outsideQuietHours(at: Date): Date {
  if (!isQuietHour(at)) return at;
  const w = parisWallClock(at);
  // The calendar day whose 08:00 comes next: today before 08:00, tomorrow from 21:00.
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day + (w.hour >= QUIET_FROM_HOUR ? 1 : 0), QUIET_UNTIL_HOUR));
  // Summer time starts and ends at 01:00 UTC: the offset in force at 08:00 UTC of that day is the
  // one in force at 08:00 Paris (06:00 or 07:00 UTC).
  return new Date(day.getTime() - parisOffsetMs(day));
}
