import type { calendarFr } from '../calendar-messages.ts';

export const calendarEn: Record<keyof typeof calendarFr, string> = {};
