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
  import('./data/push.ts'),
  // Documents chosen offline in an earlier visit are sent as soon as the app starts.
  import('./data/document-queue.ts'),
]);
void refreshStatus();
void bootSession();
registerServiceWorker();
