import { Workbox } from 'workbox-window';
import { serviceWorkerUpdates } from './sw-updates.ts';

export function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => serviceWorkerUpdates.dispatchEvent(new Event('waiting')));
  serviceWorkerUpdates.addEventListener('apply', () => {
    wb.addEventListener('controlling', () => location.reload());
    wb.messageSkipWaiting();
  });
  void wb.register();
}
