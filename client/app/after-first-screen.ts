import { syncStatus, type SyncStatus } from '../data/sync-status.ts';
import { session } from './session.ts';

/** The longest wait for a signed-in device's first pull after the load event: one that hangs does not hold what waits. */
const FIRST_PULL_AT_MOST_MS = 10_000;
/** How long an idle moment is waited for once the first screen is settled. */
const IDLE_AT_MOST_MS = 2_000;

/**
 * Runs `work` once, when the first screen has what it came for and the browser is next idle: the
 * page has loaded and, on a signed-in device, its first pull has ended, whatever its outcome
 * (applied, offline, refused). Signed out, the load event is enough.
 *
 * For work that serves later visits: the service worker's precache of every script (about 0.5 MB
 * compressed, some 175 requests). Started at the load event, it shared a first visit's connection
 * and the phone's cores with the pull and the first render of the family's data
 * (docs/performance.md, "The service worker after the first screen").
 *
 * Call it before the session boots, so a pull that ends before the load event is seen.
 */
export function afterFirstScreen(work: () => void, opts: { firstPullAtMostMs?: number } = {}) {
  let pullEnded = false;
  let loaded = document.readyState === 'complete';
  let done = false;
  let cap: ReturnType<typeof setTimeout> | undefined;

  const settled = () => {
    if (!loaded) return false;
    const { phase } = session.value;
    if (phase === 'loading') return false;
    return phase !== 'signed-in' || pullEnded;
  };
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(cap);
    syncStatus.removeEventListener('change', onStatus);
    session.removeEventListener('change', check);
    whenIdle(work);
  };
  function check() {
    if (settled()) run();
  }
  function onStatus(event: Event) {
    // A pull sets `syncing` true as it starts and false as it ends (client/data/sync.ts).
    if ((event as CustomEvent<Partial<SyncStatus>>).detail.syncing === false) {
      pullEnded = true;
      check();
    }
  }
  const onLoad = () => {
    loaded = true;
    cap = setTimeout(run, opts.firstPullAtMostMs ?? FIRST_PULL_AT_MOST_MS);
    check();
  };

  syncStatus.addEventListener('change', onStatus);
  session.addEventListener('change', check);
  if (loaded) onLoad();
  else window.addEventListener('load', onLoad, { once: true });
}

/** The browser's next idle moment (Safari has no requestIdleCallback: a short delay there). */
function whenIdle(work: () => void) {
  if ('requestIdleCallback' in window) requestIdleCallback(() => work(), { timeout: IDLE_AT_MOST_MS });
  else setTimeout(work, 200);
}
