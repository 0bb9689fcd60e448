/**
 * The service worker's update, between its registration (sw-registration.ts, loaded after the
 * page) and the "Nouvelle version disponible" banner: window events, so that the registration's
 * chunk imports nothing of the first screen's. 'waiting': a new version is ready; 'apply': switch
 * to it and reload.
 */
export const SW_WAITING = 'portee:sw-waiting';
export const SW_APPLY = 'portee:sw-apply';
