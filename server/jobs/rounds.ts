import type { logEvent } from '../log.ts';

/** What a sender job's round did. */
// A type, not an interface: only a type literal fits Counts' index signature.
export type RoundOutcome = {
  sent: number;
  failed: number;
};

/** What a round did, as counts by name ({ sent, failed } for a sender): logged when any is not zero. */
type Counts = Record<string, number>;

export interface Rounds<Outcome extends Counts = RoundOutcome> {
  /** One round now; called while one runs, it joins that one (rounds never overlap in a process). */
  runOnce(): Promise<Outcome>;
  /** Runs a round now, then `intervalMs` after the end of each one. */
  start(intervalMs: number): void;
  /** Waits for the round under way, then `release` (hang up, give the lease up). */
  stop(): Promise<void>;
}

/**
 * The timer of a background job (the SMS and mail senders, the retention job): rounds one at a time, each `intervalMs` after the
 * end of the last (a slow round is never doubled up), logged when they did something, a failing
 * round logged and the next one still scheduled.
 */
export function periodicRounds<Outcome extends Counts = RoundOutcome>(name: string, round: () => Promise<Outcome>, release: () => Promise<void>, log: typeof logEvent): Rounds<Outcome> {
  let current: Promise<Outcome> | null = null;
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
          const outcome = await runOnce();
          if (Object.values(outcome).some(Boolean)) log('info', `${name} round`, outcome);
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
