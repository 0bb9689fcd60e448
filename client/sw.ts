/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };
type Entry = { url: string; revision: string | null };

/**
 * The service worker: precaches the built app (so every screen opens offline) and answers page
 * navigations with the app shell. It never touches /api/ (the local database is the data cache),
 * nor the payment simulator, nor downloads, nor the secretariat's pages (online only, and the
 * server answers 403 there to anyone else).
 */
const seen = new Set<string>();
precacheAndRoute(
  (self.__WB_MANIFEST as Entry[]).filter((entry) => (seen.has(entry.url) ? false : (seen.add(entry.url), true))),
);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//, /^\/payfip/, /^\/admin(\/|$)/, /^\/telechargements\//, /^\/calendrier\/[^/]+\.ics$/],
  }),
);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
