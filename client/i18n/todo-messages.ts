/** The French messages of the home page's list of what needs the family's action. */
export const todoFr = {} as const;
