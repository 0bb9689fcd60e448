import type { ApiErrorBody } from '../../shared/api-error.ts';
import type { PullLanded } from './pull-apply.ts';

/**
 * The page's first message to the data worker: load ICU's locale data for the page's language
 * (client/i18n/load-icu.ts) before anything else, so the page's first dates find it loaded.
 */
export interface IcuAsk {
  icu: string;
}

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
