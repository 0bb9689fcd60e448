import './zod-jitless.ts';
import { a11yMode } from './a11y/a11y-mode.ts';
import { loadLocale, localeStore } from './i18n/i18n.ts';

// The router needs URLPattern; only browsers without it pay for the polyfill.
if (!('URLPattern' in globalThis)) await import('urlpattern-polyfill');

document.documentElement.lang = localeStore.value.locale;
a11yMode.apply();
await loadLocale();

const [{ bootSession }, { refreshStatus }, { registerServiceWorker }] = await Promise.all([
  import('./app/session.ts'),
  import('./data/sync.ts'),
  import('./sw-registration.ts'),
  import('./app/po-app.ts'),
]);

// The session starts the pull, the push loop and the upload queue (data/sync-lifecycle.ts) when
// it is restored or signed in; nothing here starts them.
void refreshStatus();
void bootSession();
registerServiceWorker();
