/**
 * How long an application that is not accepted is kept: the privacy notice (/confidentialite)
 * says "effacée au plus tard un an après sa réception". The server's retention job erases it a
 * day before that anniversary (server/preregistration/retention.ts): it runs every hour and may
 * have been stopped for a while. The desk shows the date (its review page).
 */
export const ERASE_AFTER = { years: 1, lessDays: 1 };

/** The instant before which an application received is erased now. */
export function eraseBefore(now: Date): string {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - ERASE_AFTER.years);
  cutoff.setUTCDate(cutoff.getUTCDate() + ERASE_AFTER.lessDays);
  return cutoff.toISOString();
}

/** From when an application received at `receivedAt`, and not accepted by then, is erased. */
export function erasedFrom(receivedAt: string): Date {
  const due = new Date(receivedAt);
  due.setUTCFullYear(due.getUTCFullYear() + ERASE_AFTER.years);
  due.setUTCDate(due.getUTCDate() - ERASE_AFTER.lessDays);
  return due;
}
