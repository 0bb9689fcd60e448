/**
 * The push mutations' names of the yearly re-enrolment and of consents, apart from their schemas
 * (reenrolment-schemas.ts, consent-schemas.ts): the home's "À faire" reads the outbox for them, and
 * importing a name must not bring zod into the home's first load (docs/performance.md).
 */
export const REENROLMENT_MUTATIONS = {
  answer: 'reenrolment.answer',
  confirm: 'reenrolment.confirm',
} as const;

export const CONSENT_MUTATIONS = { answer: 'consent.answer' } as const;
