const FIRST_DELAY_MS = 2_000;

/**
 * When a queue (the push, the uploads) tries again after a failed send: 2 s after the first
 * failure, then twice as long each time, at most `maxDelayMs` apart (a minute by default); a
 * success starts over. A failure while the network seems up is not always followed by an `online`
 * event (an answer lost on the way, a 5xx, a request that stalled), so the queue cannot wait for one.
 */
export class RetryBackoff {
  private delayMs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly retry: () => void,
    private readonly maxDelayMs = 60_000,
  ) {}

  /** A send failed: try again after the next delay (replacing a retry already planned). */
  later() {
    this.delayMs = Math.min(this.maxDelayMs, this.delayMs ? this.delayMs * 2 : FIRST_DELAY_MS);
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.retry();
    }, this.delayMs);
  }

  /** A send went through: the next failure waits the first delay again. */
  succeeded() {
    this.delayMs = 0;
  }

  /** The network is back, or the queue was told to send now: no retry planned, delays start over. */
  reset() {
    this.delayMs = 0;
    this.cancel();
  }

  /** Drops the planned retry (a send is starting anyway, or the queue stops). */
  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
