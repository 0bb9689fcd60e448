/**
 * The data worker (client/data/pull-worker.ts): the pull and the screens' live queries run there,
 * off the page's thread. Where Vite serves the app, its build and its dev server bundle the
 * worker's module; the component tests' server does not, and a browser may refuse workers: then
 * `dataWorker()` is null and the callers run the same code on the page.
 */

/** Started on first use; null once it proved unavailable (then never tried again). */
let worker: Worker | null | undefined;
const lostListeners = new Set<() => void>();

export function dataWorker(): Worker | null {
  if (worker !== undefined) return worker;
  // Vite defines import.meta.env; other servers (the component tests') leave it undefined.
  const bundled = (import.meta as { env?: unknown }).env !== undefined;
  if (typeof Worker === 'undefined' || !bundled) return (worker = null);
  try {
    worker = new Worker(new URL('./pull-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return (worker = null);
  }
  // A script that failed to load (or a worker that died): what was asked of it runs on the page.
  const started = worker;
  started.onerror = (event) => {
    event.preventDefault();
    // Once: a second error queued before terminate() would start the page's runs twice.
    if (worker !== started) return;
    console.error('[data worker] unavailable:', event.message);
    started.terminate();
    worker = null;
    for (const listener of lostListeners) listener();
    lostListeners.clear();
  };
  return worker;
}

/** Called once if the worker is lost, so each caller can take back on the page what it had asked. */
export function onDataWorkerLost(listener: () => void) {
  lostListeners.add(listener);
}
