/** Messages of the records screens. */
export const recordsFr = {
  'records.title': 'Records',
} as const;

export const recordsEn: Partial<Record<keyof typeof recordsFr, string>> = {};
