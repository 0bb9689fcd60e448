import { Workbox } from 'workbox-window';

export function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  // The update banner and this module speak through window events (names in sw-updates.ts):
  // this chunk, loaded after the page, then imports nothing of the first screen's.
  wb.addEventListener('waiting', () => window.dispatchEvent(new Event('portee:sw-waiting')));
  window.addEventListener('portee:sw-apply', () => {
    wb.addEventListener('controlling', () => location.reload());
    wb.messageSkipWaiting();
  });
  void wb.register();
}
