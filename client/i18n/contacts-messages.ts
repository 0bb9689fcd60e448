/** The French messages of emergency contacts and absences announced by the family. */
export const contactsFr = {} as const;
