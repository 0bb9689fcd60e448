import './zod-jitless.ts';
import { a11yMode } from './a11y/a11y-mode.ts';
import { loadLocale, localeStore } from './i18n/i18n.ts';

// The router needs URLPattern; only browsers without it pay for the polyfill.
if (!('URLPattern' in globalThis)) await import('urlpattern-polyfill');

document.documentElement.lang = localeStore.value.locale;
a11yMode.apply();
await loadLocale();

const [{ bootSession, session }, { refreshStatus }, { registerServiceWorker }] = await Promise.all([
  import('./app/session.ts'),
  import('./data/sync.ts'),
  import('./sw-registration.ts'),
  import('./app/po-app.ts'),
]);

// The push loop and the upload queue matter only once signed in (a device signed out has
// nothing queued: signing out wipes it): the sign-in page does not download them. With a session
// kept from an earlier visit they start at once, so what waited offline is sent.
const startQueues = () => Promise.all([import('./data/push.ts'), import('./data/document-queue.ts')]);
if (localStorage.getItem('portee.session')) void startQueues();
else {
  const onSession = () => {
    if (session.value.phase !== 'signed-in') return;
    session.removeEventListener('change', onSession);
    void startQueues();
  };
  session.addEventListener('change', onSession);
}
void refreshStatus();
void bootSession();
registerServiceWorker();
