/** Messages of the pedagogy screens. */
export const pedagogyFr = {
  'pedagogy.title': 'Pedagogy',
} as const;

export const pedagogyEn: Partial<Record<keyof typeof pedagogyFr, string>> = {};
