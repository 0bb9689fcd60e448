/**
 * French alphabetical order (accents, case) for the lists the screens and the desk's answers sort.
 * One collator, built on first use: `a.localeCompare(b, 'fr')` builds one at each call, which a
 * list of a few hundred names paid on every render of a phone's page.
 */
let collator: Intl.Collator | undefined;

export function compareFr(a: string, b: string): number {
  collator ??= new Intl.Collator('fr');
  return collator.compare(a, b);
}
