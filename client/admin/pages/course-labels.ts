import { t } from '../../i18n/i18n.ts';

/** "12 / 15 places", or without a limit "12 inscrit(s), sans limite". */
export function coursePlaces(c: { enrolled: number; capacity: number | null }): string {
  return c.capacity === null ? t('adminCourses.placesUnlimited', { enrolled: c.enrolled }) : t('adminCourses.places', { enrolled: c.enrolled, capacity: c.capacity });
}
