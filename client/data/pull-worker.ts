import { HttpError, OfflineError } from '../api/http.ts';
import { fetchAndApply } from './pull-apply.ts';
import type { PullAsk, PullOutcome } from './pull-messages.ts';
import { serveCommands } from './command-host.ts';
import { serveQueries } from './query-host.ts';

/**
 * The data worker: the pull, the screens' live queries and the commands (the writes to the local
 * database, the push loop, the upload queue), off the page's thread; the page never loads the
 * database (client/data/command-client.ts).
 *
 * The pull (docs/sync.md, "The pull worker"): fetching, parsing and writing a large family's
 * snapshot took the page's main thread for most of a second. The page keeps the lock, the status
 * and the session's reactions, from the outcome this posts.
 *
 * The queries (client/data/query-client.ts): the page sends a port, then asks on it for named
 * queries; each runs here as a live query, and only a result that changed crosses back. Every
 * pull re-ran every open query on the page (200–300 ms of its thread at a phone's speed, for a
 * pull that brought the device nothing). Dexie tells this worker of the page's own writes, and
 * the page of this worker's (BroadcastChannel).
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PullAsk | { queries: MessagePort } | { commands: MessagePort }>) => void) | null;
  postMessage(outcome: PullOutcome): void;
};

scope.onmessage = ({ data }) => {
  if ('queries' in data) serveQueries(data.queries);
  else if ('commands' in data) serveCommands(data.commands);
  else void pull(data).then((outcome) => scope.postMessage(outcome));
};

async function pull({ id, background }: PullAsk): Promise<PullOutcome> {
  try {
    return { id, kind: 'landed', ...(await fetchAndApply(background)) };
  } catch (error) {
    if (error instanceof OfflineError) return { id, kind: 'offline' };
    if (error instanceof HttpError) return { id, kind: 'http', status: error.status, body: error.body };
    return { id, kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
