import { liveQuery, type Subscription } from 'dexie';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Runs a Dexie query and re-renders its host whenever the data it read changes (a pull landing,
 * a local edit). `value` is undefined until the first result; `setQuery` swaps the query (e.g.
 * when a route parameter changes).
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
    this.subscription = liveQuery(this.query).subscribe({
      next: (value) => {
        this.value = value;
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
