import './zod-jitless.ts';
import { a11yMode } from './a11y/a11y-mode.ts';
import { afterFirstScreen } from './app/after-first-screen.ts';
import { nextTask } from './app/next-task.ts';
import { bootSession } from './app/session.ts';
import './app/po-app.ts';
import { loadLocale, localeStore } from './i18n/i18n.ts';

/*
 * Every module the first screen needs is a static import, so the browser fetches them all in
 * parallel from the HTML's modulepreload links (one level of requests, not a chain). The page
 * painted from the HTML already (client/index.html); <po-app> replaces that once it has rendered.
 * <po-app> is created here, not in the HTML, because its router needs URLPattern, which only
 * browsers without it load first.
 */
document.documentElement.lang = localeStore.value.locale;
a11yMode.apply();
if (!('URLPattern' in globalThis)) await import('urlpattern-polyfill');
await loadLocale();
// The modules' evaluation and the app's first render are two tasks, not one long one that holds a
// slow phone's first tap (the HTML's first screen is showing meanwhile).
await nextTask();
document.body.append(document.createElement('po-app'));

// The service worker is for the next visit and for offline use: it waits for the first screen's
// data (watched from before the session boots, so no pull's end is missed).
afterFirstScreen(() => void import('./sw-registration.ts').then((m) => m.registerServiceWorker()));

// The session starts the pull, the push loop and the upload queue (data/sync-lifecycle.ts) when
// it is restored or signed in; nothing here starts them.
void bootSession();
