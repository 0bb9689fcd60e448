/*
 * A worker started by boot.js for every page but a signed-out device's sign-in page, or by the sign-in's submit
 * (client/i18n/warm-formatters.ts): it builds the Intl formatters the screens use (a
 * date, money, French order) once, then ends.
 *
 * Why: the first Intl date or number formatter of a renderer loads ICU's locale data, one
 * uninterruptible piece of 40–90 ms on a desktop and 150–350 ms with a phone's 4× slowdown (the
 * first collator adds its collation data). ICU's data and caches belong to the process, not to
 * one JavaScript context, so once this worker has loaded them the page's own first formatter
 * costs about a millisecond: the load happens on another thread instead of in a page task
 * (docs/performance.md, "ICU's load in a worker").
 */
self.onmessage = function (event) {
  // The same as intlLocale() (client/i18n/i18n.ts), which a classic script cannot import.
  var locale = event.data === 'en' ? 'en-GB' : 'fr-FR';
  try {
    var now = new Date();
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(now);
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(0);
    new Intl.Collator('fr').compare('a', 'b');
  } finally {
    self.close();
  }
};
