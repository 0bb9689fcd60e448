/** A school year runs from September to August and is written "2026/2027". */
export function schoolYearOf(date: Date | string): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  const start = d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${start}/${start + 1}`;
}

/** The school year `offset` years before (negative) or after the given one. */
export function shiftSchoolYear(schoolYear: string, offset: number): string {
  const start = Number(schoolYear.slice(0, 4)) + offset;
  return `${start}/${start + 1}`;
}

export const SCHOOL_YEAR_PATTERN = /^\d{4}\/\d{4}$/;
