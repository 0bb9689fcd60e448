import type { ApiErrorBody } from '../../shared/api-error.ts';
import type { PullLanded } from './pull-apply.ts';

/** The page asks the pull worker for one pull (it holds the lock meanwhile). */
export interface PullAsk {
  id: number;
  background: boolean;
}

/**
 * The worker's answer: the transport's outcomes as data (an Error does not cross postMessage with
 * its class), which the page turns back into what the main-thread pull would have thrown.
 */
export type PullOutcome = { id: number } & (
  | ({ kind: 'landed' } & PullLanded)
  | { kind: 'offline' }
  | { kind: 'http'; status: number; body: ApiErrorBody }
  | { kind: 'failed'; message: string }
);
