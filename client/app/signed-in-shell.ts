/**
 * What the shell shows only to a signed-in person: the main menu, the connection status, the idle
 * warning and the sign-out confirmation, and the device's data the header names. The shell loads
 * this with its first signed-in render; it sits in the signed-in code's chunk (vite.config.ts),
 * which every signed-in screen loads before it renders, so the sign-in page does not download it
 * and a signed-in page never shows the shell without its menu.
 */
import '../components/po-idle-warning.ts';
import '../components/po-main-menu.ts';
import '../components/po-sign-out-dialog.ts';
import '../components/po-status-region.ts';

export { shellQueries } from './shell-queries.ts';
