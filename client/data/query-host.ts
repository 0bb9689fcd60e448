import type { QueryAnswer, QueryAsk } from './query-messages.ts';
import { watchQuery } from './query-watch.ts';

/** The data worker's side of the queries' port: one live query per watch, its changes posted back. */
export function serveQueries(port: MessagePort) {
  const stops = new Map<number, () => void>();
  const answer = (message: QueryAnswer) => {
    try {
      port.postMessage(message);
    } catch (error) {
      // A result that cannot be cloned: said, rather than a page left "loading" for ever.
      port.postMessage({ id: message.id, kind: 'error', message: String(error) } satisfies QueryAnswer);
    }
  };
  port.onmessage = ({ data }: MessageEvent<QueryAsk>) => {
    if (data.kind === 'unwatch') {
      stops.get(data.id)?.();
      stops.delete(data.id);
      return;
    }
    const { id } = data;
    stops.set(
      id,
      watchQuery(
        data.name,
        data.args,
        (value) => answer({ id, kind: 'value', value }),
        (message) => answer({ id, kind: 'error', message }),
      ),
    );
  };
}
