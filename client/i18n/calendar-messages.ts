/** The French messages of the calendar (/calendrier), course events and the feed link. */
export const calendarFr = {} as const;
