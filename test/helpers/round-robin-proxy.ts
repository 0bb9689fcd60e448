import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Where requests go, in turn (set once the servers behind it are started). */
  targets: string[];
  /** Requests each target served, by its URL. */
  served: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A tiny load balancer for tests: each request goes to the next target in turn, without sticky
 * sessions, and carries X-Forwarded-For (the socket's address appended) as nginx does, so the
 * servers run with TRUST_PROXY_HOPS=1. Bodies and answers are streamed through untouched.
 */
export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  const served = new Map<string, number>();
  let next = 0;
  const proxy: RoundRobinProxy = { url: '', targets: [], served, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    if (!proxy.targets.length) {
      res.writeHead(503).end();
      return;
    }
    const target = proxy.targets[next++ % proxy.targets.length];
    served.set(target, (served.get(target) ?? 0) + 1);
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: { ...req.headers, 'x-forwarded-for': forwarded } }, (answer: IncomingMessage) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return proxy;
}
