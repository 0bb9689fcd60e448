/**
 * Builds the Intl formatters the screens use (a long date, a date and time, money, French order),
 * so that ICU's locale data is loaded in the context that calls this. ICU's data and caches belong
 * to the renderer process, not to one JavaScript context: once a worker has run this, the page's
 * own first formatter costs about a millisecond instead of one task of 150–350 ms at a phone's
 * speed (docs/performance.md, "ICU's load in a worker").
 *
 * Called by the data worker (client/data/pull-worker.ts) as its first work; the same formatters are
 * built by client/public/intl-warm.js, a hand-written script that cannot import this: keep the
 * two in step.
 */
export function loadIcu(lang: string) {
  const locale = lang === 'en' ? 'en-GB' : 'fr-FR';
  const now = new Date();
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(now);
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(0);
  new Intl.Collator('fr').compare('a', 'b');
}
