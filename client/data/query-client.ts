import { dataWorker, onDataWorkerLost } from './data-worker.ts';
import type { QueryArgs, QueryName, QueryResult } from './named-queries.ts';
import type { QueryAnswer, QueryAsk } from './query-messages.ts';

export interface QueryListener<T> {
  /** undefined until the device's first pull has landed, then each result that changed. */
  value(value: T | undefined): void;
  error(message: string): void;
}

interface Watch {
  name: QueryName;
  args: QueryArgs<QueryName>;
  listener: QueryListener<unknown>;
  /** Set when the query runs on the page: stops it. */
  stop?: () => void;
}

let lastId = 0;
const watching = new Map<number, Watch>();
/** The port to the data worker's queries; null where there is no worker (then they run on the page). */
let port: MessagePort | null | undefined;

function queryPort(): MessagePort | null {
  if (port !== undefined) return port;
  const worker = dataWorker();
  if (!worker) return (port = null);
  const channel = new MessageChannel();
  channel.port1.onmessage = ({ data }: MessageEvent<QueryAnswer>) => {
    const watch = watching.get(data.id);
    if (!watch) return;
    if (data.kind === 'value') watch.listener.value(data.value);
    else watch.listener.error(data.message);
  };
  worker.postMessage({ queries: channel.port2 }, [channel.port2]);
  onDataWorkerLost(() => {
    channel.port1.close();
    port = null;
    for (const [id, watch] of watching) if (!watch.stop) runOnPage(id, watch);
  });
  return (port = channel.port1);
}

/**
 * The same live query on the page, loaded on demand (a page served with the worker never loads
 * it). Its results are cloned as the port would clone them, so a result that could not cross to
 * the worker's page, or that lost its class on the way, shows in the component tests too.
 */
function runOnPage(id: number, watch: Watch) {
  void import('./query-watch.ts').then(({ watchQuery }) => {
    if (watching.get(id) !== watch) return;
    const cloned = (value: unknown) => {
      try {
        watch.listener.value(structuredClone(value));
      } catch (error) {
        watch.listener.error(String(error));
      }
    };
    watch.stop = watchQuery(watch.name, watch.args, cloned, watch.listener.error);
  }, (error: unknown) => watch.listener.error(String(error)));
}

/**
 * Watches a named query (client/data/named-queries.ts) where the data lives: in the data worker,
 * whose answers arrive on a port, or on the page. Returns what stops watching.
 */
export function watchNamedQuery<N extends QueryName>(name: N, args: QueryArgs<N>, listener: QueryListener<QueryResult<N>>): () => void {
  const id = ++lastId;
  let sent: QueryArgs<N>;
  try {
    // Cloned here whichever side runs it, as the port would: arguments that cannot cross (a
    // function) fail the same way in the component tests as in the app.
    sent = structuredClone(args);
  } catch (error) {
    queueMicrotask(() => listener.error(String(error)));
    return () => {};
  }
  const watch: Watch = { name, args: sent, listener: listener as QueryListener<unknown> };
  watching.set(id, watch);
  const to = queryPort();
  if (to) to.postMessage({ kind: 'watch', id, name, args: sent } satisfies QueryAsk);
  else runOnPage(id, watch);
  return () => {
    watching.delete(id);
    if (watch.stop) watch.stop();
    else port?.postMessage({ kind: 'unwatch', id } satisfies QueryAsk);
  };
}
