/** The French messages of the yearly re-enrolment, consents and the secretariat's campaigns. */
export const reenrolmentFr = {} as const;
