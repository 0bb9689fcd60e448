/**
 * The civilities a responsible adult may choose: the identity schema checks them, the identity
 * form lists them. A module of its own so the form (shown by the desk's request list too) does
 * not load zod and the schemas to list two words (docs/performance.md).
 */
export const CIVILITIES = ['M.', 'Mme'] as const;
