/**
 * Money is integer cents end to end. Formatting goes through Intl (fr-FR, EUR); a negative zero
 * is never shown ("-0,00 €"), and `plainSpaces` swaps Intl's narrow no-break spaces for ordinary
 * no-break spaces where a font cannot draw them (PDFs).
 */
const formatters = new Map<string, Intl.NumberFormat>();

export function formatCents(cents: number, locale = 'fr-FR'): string {
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' })));
  const value = cents / 100;
  return f.format(Object.is(value, -0) || value === 0 ? 0 : value);
}

export function plainSpaces(text: string): string {
  return text.replace(/\u202f/g, '\u00a0');
}
