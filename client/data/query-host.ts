import type { QueryAnswer, QueryAsk } from './query-messages.ts';
import { watchQuery } from './query-watch.ts';

/** The data worker's side of the queries' port: one live query per watch, its changes posted back. */
export function serveQueries(port: MessagePort) {
  const stops = new Map<number, () => void>();
  const answer = (message: QueryAnswer) => port.postMessage(message);
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
