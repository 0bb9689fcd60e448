/**
 * Starts the worker that loads ICU's locale data off the page (`client/public/intl-warm.js`),
 * once per page: boot.js starts it itself before the first paint of a device not signed in here,
 * unless it shows the sign-in page, and marks the page with `data-intl-warm`; this starts it at
 * the sign-in's submit, while the answer travels. Once signed in, the data worker loads ICU first
 * thing (client/data/pull-worker.ts), and a signed-in device's visit starts no other worker.
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
