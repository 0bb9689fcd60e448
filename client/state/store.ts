import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A tiny observable value: the app's few cross-cutting states (session, sync status) are these. */
export class Store<T> extends EventTarget {
  constructor(private state: T) {
    super();
  }

  get value(): T {
    return this.state;
  }

  /** The change event carries the patch (the data worker passes its status changes on to the page). */
  set(patch: Partial<T>) {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new CustomEvent<Partial<T>>('change', { detail: patch }));
  }
}

/** Re-renders its host when the store changes. */
export class StoreController<T> implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly store: Store<T>,
  ) {
    host.addController(this);
  }

  get value(): T {
    return this.store.value;
  }

  hostConnected() {
    this.store.addEventListener('change', this.onChange);
  }

  hostDisconnected() {
    this.store.removeEventListener('change', this.onChange);
  }
}
