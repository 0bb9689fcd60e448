/**
 * The client's address for throttling and sessions: the socket's, or, behind `hops` trusted
 * reverse proxies, the address the outermost one saw. Each proxy appends the address it received
 * the request from to X-Forwarded-For, so the client is the `hops`-th entry from the right; entries
 * further left were written by the client itself and are never believed. Without this setting,
 * everyone behind a proxy would share its address and one guesser would lock them all out.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | undefined, hops: number): string {
  if (hops <= 0 || !forwardedFor) return socketAddress;
  const chain = forwardedFor.split(',').map((part) => part.trim()).filter(Boolean);
  return chain.length >= hops ? chain[chain.length - hops] : socketAddress;
}
