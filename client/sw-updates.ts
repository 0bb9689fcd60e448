/**
 * Fires 'waiting' when a new version is ready; dispatch 'apply' to switch to it and reload. Kept
 * apart from the registration (sw-registration.ts) so the banner that listens to it does not
 * bring workbox-window into the first screen's scripts.
 */
export const serviceWorkerUpdates = new EventTarget();
