import { compareFr } from '../../shared/french-order.ts';
import { formatCents } from '../../shared/money.ts';
import { nextTask } from '../app/next-task.ts';
import { formatDate, formatDateTime } from './i18n.ts';

let warmed = false;

/**
 * Builds the formatters a signed-in screen uses first, each in a task of its own, while the page
 * is waiting on the network (the sign-in's answer, or a new device's first pull).
 *
 * Why: the first Intl date or number formatter of a page loads ICU's locale data (about 150 ms
 * with a phone's 4× slowdown, 40 ms on a desktop), and the first collator its collation data
 * (60–100 ms at 4×). Paid during the first sync's render, they made one task of 170 ms out of the
 * moment the family's data appears (docs/performance.md, "The first sync"). Apart, and earlier,
 * each is one shorter task at a time the page has nothing else to do.
 */
export function warmFormatters() {
  if (warmed) return;
  warmed = true;
  const now = new Date().toISOString();
  const steps = [() => formatDateTime(now), () => formatDate(now), () => formatCents(0), () => compareFr('a', 'b')];
  void (async () => {
    for (const step of steps) {
      await nextTask();
      step();
    }
  })();
}
