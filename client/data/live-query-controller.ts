import { dequal } from 'dequal';
import { liveQuery, type Subscription } from 'dexie';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { firstPullLanded } from './sync-landed.ts';

/**
 * Runs a Dexie query and re-renders its host whenever the data it read changes (a pull landing,
 * a local edit). `value` is undefined until the first result; `setQuery` swaps the query (e.g.
 * when a route parameter changes).
 *
 * Before the device's first pull has landed the query is not run and `value` stays undefined:
 * the empty database of a new device is not the family's data ("Aucune facture", "0,00 €" would
 * be false). The cursor is read in the same live query, and the pull writes it in the same
 * transaction as its rows, so the first result is never a half-filled database. Pages show
 * `<po-data-pending>` while `value` is undefined.
 *
 * Every pull writes the cursor, and one family's edit moves it for all (one global change
 * counter), so nearly every pull re-runs every open query though it brought this device nothing.
 * A result equal to the one shown keeps the shown one and renders nothing again. The re-run itself
 * stays: it is also what catches up with another tab's commit whose notice never came (a tab
 * closed right after its transaction; docs/performance.md, "Tried and reverted").
 */
export class LiveQueryController<T> implements ReactiveController {
  value: T | undefined;
  error: unknown;
  private subscription?: Subscription;

  constructor(
    private readonly host: ReactiveControllerHost,
    private query: () => Promise<T> | T,
  ) {
    host.addController(this);
  }

  /** True once the query has answered at least once (so "nothing" can be told from "loading"). */
  get ready(): boolean {
    return this.value !== undefined || this.error !== undefined;
  }

  setQuery(query: () => Promise<T> | T) {
    this.query = query;
    this.value = undefined;
    // The host shows "not loaded yet" now, not the last query's rows (a result equal to none
    // would otherwise render nothing).
    this.host.requestUpdate();
    if (this.subscription) this.subscribe();
  }

  hostConnected() {
    this.subscribe();
  }

  hostDisconnected() {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  private subscribe() {
    this.subscription?.unsubscribe();
    const query = this.query;
    this.subscription = liveQuery(async () => ((await firstPullLanded()) ? { value: await query() } : null)).subscribe({
      next: (result) => {
        if (this.error === undefined && dequal(result?.value, this.value)) return;
        this.value = result?.value;
        this.error = undefined;
        this.host.requestUpdate();
      },
      error: (error) => {
        this.error = error;
        console.error('[live query]', error);
        this.host.requestUpdate();
      },
    });
  }
}
