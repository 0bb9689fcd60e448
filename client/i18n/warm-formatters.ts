/**
 * Starts the worker that loads ICU's locale data off the page (`client/public/intl-warm.js`),
 * once per page: boot.js starts it itself before the first paint of every page but a signed-out
 * device's sign-in page, and marks the page with `data-intl-warm`; this starts it where boot.js
 * could not know a signed-in screen was coming (the sign-in's submit, a session found by the
 * server only).
 *
 * Why a worker: the first Intl date or number formatter of a renderer loads ICU's locale data,
 * one task of 150–350 ms with a phone's 4× slowdown. ICU's data belongs to the process, so after
 * the worker's load the page's own first formatter costs about a millisecond
 * (docs/performance.md, "ICU's load in a worker").
 */
export function warmFormatters() {
  const root = document.documentElement;
  if (root.hasAttribute('data-intl-warm')) return;
  root.setAttribute('data-intl-warm', '');
  try {
    new Worker('/intl-warm.js').postMessage(root.lang);
  } catch {
    // No worker (refused, or too old a browser): the page's first formatter loads ICU itself.
  }
}
