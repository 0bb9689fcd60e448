/**
 * The names of the announced absences' push mutations and their bound, apart from their schemas
 * (absence-notice-schemas.ts): the course sheet and the home read the outbox for them, and
 * importing a name must not bring zod into a page that only reads (docs/performance.md).
 */
export const ABSENCE_NOTICE_MUTATIONS = {
  /** Announce (or announce again, with a new reason) one or more lesson days of an enrollment. */
  announce: 'absenceNotice.announce',
  /** Take an announced absence back before its day. */
  withdraw: 'absenceNotice.withdraw',
} as const;

/** Most lesson days announced at once: a term of weekly lessons. */
export const MAX_NOTICE_DATES = 12;
