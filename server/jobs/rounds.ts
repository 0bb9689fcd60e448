import type { logEvent } from '../log.ts';

/** What a sender job's round did. */
export interface RoundOutcome {
  sent: number;
  failed: number;
}

export interface Rounds {
  /** One round now; called while one runs, it joins that one (rounds never overlap in a process). */
  runOnce(): Promise<RoundOutcome>;
  /** Runs a round now, then `intervalMs` after the end of each one. */
  start(intervalMs: number): void;
  /** Waits for the round under way, then `release` (hang up, give the lease up). */
  stop(): Promise<void>;
}

/**
 * The timer of a background sender (SMS, mail): rounds one at a time, each `intervalMs` after the
 * end of the last (a slow round is never doubled up), logged when they did something, a failing
 * round logged and the next one still scheduled.
 */
export function periodicRounds(name: string, round: () => Promise<RoundOutcome>, release: () => Promise<void>, log: typeof logEvent): Rounds {
  let current: Promise<RoundOutcome> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function runOnce() {
    current ??= round().finally(() => {
      current = null;
    });
    return current;
  }

  return {
    runOnce,
    start(intervalMs) {
      stopped = false;
      const tick = async () => {
        try {
          const { sent, failed } = await runOnce();
          if (sent || failed) log('info', `${name} round`, { sent, failed });
        } catch (error) {
          log('error', `${name} round failed`, { error });
        }
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      };
      timer = setTimeout(tick, 0).unref();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current?.catch(() => undefined);
      await release();
    },
  };
}
