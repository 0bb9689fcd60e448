import { HttpError, OfflineError } from '../api/http.ts';
import { fetchAndApply } from './pull-apply.ts';
import type { PullAsk, PullOutcome } from './pull-messages.ts';

/**
 * The pull off the page's thread (docs/sync.md, "The pull worker"): fetching, parsing and writing
 * a large family's snapshot took the page's main thread for most of a second. Dexie works here
 * and tells the page's live queries of the commit (BroadcastChannel). This worker only pulls:
 * the page keeps the lock, the status and the session's reactions, from the outcome it posts.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PullAsk>) => void) | null;
  postMessage(outcome: PullOutcome): void;
};

scope.onmessage = ({ data }) => void pull(data).then((outcome) => scope.postMessage(outcome));

async function pull({ id, background }: PullAsk): Promise<PullOutcome> {
  try {
    return { id, kind: 'landed', ...(await fetchAndApply(background)) };
  } catch (error) {
    if (error instanceof OfflineError) return { id, kind: 'offline' };
    if (error instanceof HttpError) return { id, kind: 'http', status: error.status, body: error.body };
    return { id, kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
