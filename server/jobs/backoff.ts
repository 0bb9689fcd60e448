const RETRY_FIRST_MS = 30_000;
const RETRY_MAX_MS = 15 * 60_000;

/**
 * Wait before try number `attempts + 1` of a message that did not go out (the SMS and mail
 * senders): 30 s doubling, at most 15 minutes, so a gateway down for an hour is not hammered and a
 * short outage costs only seconds.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_FIRST_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);
}
