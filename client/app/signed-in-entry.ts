/**
 * The signed-in code's door: the session's device work (client/data/session-device.ts) and the
 * shell's signed-in parts (./signed-in-shell.ts). Both lazy imports go through this module, so the
 * bundler makes one script of them where two imports made two re-export stubs of the `signed-in`
 * chunk (it adds one for each module lazily imported into a group: vite.config.ts), each a request
 * with about 1 KB of headers, waiting for one of a phone's six HTTP/1.1 connections
 * (docs/performance.md). The signed-in routes stay apart: their pages import the session.
 */
export { deviceOwner, refreshStatus, setDeviceOwner, startSessionWork, stopSessionWork, stopSessionWorkAndWipe } from '../data/session-device.ts';
export { shellQueries } from './signed-in-shell.ts';
