import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QueryArgs, QueryName, QueryResult } from './named-queries.ts';
import { watchNamedQuery } from './query-client.ts';

/**
 * Runs a named query (client/data/named-queries.ts) as a live query and re-renders its host when
 * its result changes (a pull landing, a local edit). The query runs in the data worker, off the
 * page's thread, or on the page where there is none (client/data/query-client.ts).
 *
 * Before the device's first pull has landed `value` stays undefined: the empty database of a new
 * device is not the family's data ("Aucune facture", "0,00 €" would be false). The cursor is read
 * in the same transaction as the rows, and the pull writes it in the same transaction as its
 * rows, so the first result is never a half-filled database. Pages show `<po-data-pending>` while
 * `value` is undefined. A result equal to the last one is not sent again, and renders nothing.
 */
export class LiveQueryController<N extends QueryName> implements ReactiveController {
  value: QueryResult<N> | undefined;
  /** The query's failure, as the worker could send it (a name and a message). */
  error: string | undefined;
  private stop?: () => void;

  /** `args` is read at each (re)subscription: from the host's properties, e.g. a route's ids. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly name: N,
    private readonly args: () => QueryArgs<N>,
  ) {
    host.addController(this);
  }

  /** True once the query has answered at least once (so "nothing" can be told from "loading"). */
  get ready(): boolean {
    return this.value !== undefined || this.error !== undefined;
  }

  /** Its arguments changed (another route parameter): "not loaded yet" until the new result. */
  refresh() {
    this.value = undefined;
    this.error = undefined;
    this.host.requestUpdate();
    if (this.stop) this.subscribe();
  }

  hostConnected() {
    this.subscribe();
  }

  hostDisconnected() {
    this.stop?.();
    this.stop = undefined;
  }

  private subscribe() {
    this.stop?.();
    this.stop = watchNamedQuery(this.name, this.args(), {
      value: (value) => {
        this.value = value;
        this.error = undefined;
        this.host.requestUpdate();
      },
      error: (message) => {
        this.error = message;
        console.error('[live query]', this.name, message);
        this.host.requestUpdate();
      },
    });
  }
}
