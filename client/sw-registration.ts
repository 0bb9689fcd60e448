import { Workbox } from 'workbox-window';

/** Fires 'waiting' when a new version is ready; dispatch 'apply' to switch to it and reload. */
export const serviceWorkerUpdates = new EventTarget();

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
