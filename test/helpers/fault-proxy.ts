import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy may do to one request (issue 17, item 1). */
export const FAULT_KINDS = ['drop-request', 'drop-response', 'duplicate', 'delay', 'error-500', 'timeout', 'restart'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Probability of each fault per request; `restart` applies to pushes only. */
export type FaultRates = Partial<Record<FaultKind, number>>;

/** A request header the test's own setup and checks send: such a request is never faulted. */
export const NO_FAULT_HEADER = 'x-sim-nofault';

export interface FaultProxy {
  url: string;
  /** Where requests go (changes when the server restarts on another port). */
  target: string;
  /** Faults are drawn only while enabled. */
  enabled: boolean;
  /** Draws in [0, 1): the test's seeded PRNG, so a seed replays the same decisions in order. */
  random: () => number;
  /** Probability of each fault per request (the rest pass untouched); `restart` applies to pushes only. */
  rates: FaultRates;
  /** The server is killed during these pushes (counted from 1 since `reset`), if `restart` is set; besides, `rates.restart`. */
  restartOnPushes: number[];
  /** At most this many restarts since `reset`, besides one during a long push (see `pick`). */
  maxRestarts: number;
  /** Faults applied since `reset`, by kind, and the requests passed untouched. */
  counts: Record<FaultKind | 'passed', number>;
  /** The same by route ("push", "pull", "upload", "decision", "other"): which requests each fault met. */
  byRoute: Record<string, Partial<Record<FaultKind | 'passed', number>>>;
  /** One line per fault: the request it hit (for a failing seed's report). */
  log: string[];
  /** Zero counts and log (a new seed). */
  reset(): void;
  /** Resolves once no request is in the proxy and no restart is under way. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /**
   * Kills the server (SIGKILL, no clean shutdown) and starts it again on the same database file;
   * resolves with its new address. Called while a push (its body given) is inside the server.
   */
  restart?: (push: Buffer) => Promise<string>;
}

function routeOf(req: IncomingMessage): string {
  const path = (req.url ?? '').split('?')[0];
  if (path === '/api/sync/push') return 'push';
  if (path === '/api/sync') return 'pull';
  if (path === '/api/documents' && req.method === 'POST') return 'upload';
  if (/^\/api\/admin\/requests\/[^/]+\/(approve|refuse)$/.test(path)) return 'decision';
  return 'other';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Upstream {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/**
 * A proxy in front of the server that the test controls: each /api request may be dropped before
 * the server sees it, have its answer dropped after the server committed, be sent twice, wait,
 * get a 500 or a 504 (timeout) instead of its answer, or — for a push — have the server killed
 * while it runs and started again. The decisions come from the test's seeded PRNG. A request
 * that cannot reach the server (it is restarting) gets a 502, as from a load balancer.
 */
export async function startFaultProxy(options: FaultProxyOptions = {}): Promise<FaultProxy> {
  const zero = () => Object.fromEntries([...FAULT_KINDS, 'passed'].map((k) => [k, 0])) as FaultProxy['counts'];
  let pushes = 0;
  let longKills = 0;
  let inFlight = 0;
  let restarting: Promise<void> | null = null;
  let waiters: Array<() => void> = [];
  const proxy: FaultProxy = {
    url: '',
    target: '',
    enabled: false,
    random: Math.random,
    rates: {},
    restartOnPushes: [],
    maxRestarts: 1,
    counts: zero(),
    byRoute: {},
    log: [],
    reset: () => {
      proxy.counts = zero();
      proxy.byRoute = {};
      proxy.log = [];
      pushes = 0;
      longKills = 0;
    },
    idle: async () => {
      for (;;) {
        if (restarting) await restarting;
        if (inFlight === 0 && !restarting) return;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close: async () => undefined,
  };

  const forward = (req: IncomingMessage, body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers };
      delete headers[NO_FAULT_HEADER];
      const upstream = request(new URL(req.url ?? '/', proxy.target), { method: req.method, headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
        answer.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });

  const send = (res: ServerResponse, answer: Upstream) => {
    if (res.destroyed) return;
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(answer.body.length);
    res.writeHead(answer.status, headers).end(answer.body);
  };
  const fail = (res: ServerResponse, status: number) => {
    if (res.destroyed) return;
    const body = JSON.stringify({ error: { code: 'http_' + status, message: `Injected ${status}` } });
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }).end(body);
  };
  /** The connection breaks: the client's fetch fails as it does when the network goes. */
  const cut = (res: ServerResponse) => res.socket?.destroy();

  /** A push of more than one write transaction (server/sync/push.ts: 50 mutations each). */
  const isLongPush = (body: Buffer) => {
    try {
      return (JSON.parse(body.toString()) as { mutations: unknown[] }).mutations.length > 50;
    } catch {
      return false;
    }
  };

  /** How long after a push reached the server it is killed: 0–150 ms, 0–400 ms for a long push (its transactions take longer). */
  const killDelay = (body: Buffer, extra: number) => Math.floor(extra * (isLongPush(body) ? 400 : 150));

  const pick = (req: IncomingMessage, body: Buffer): FaultKind | null => {
    if (!proxy.enabled || req.headers[NO_FAULT_HEADER] || !req.url?.startsWith('/api/')) return null;
    const isPush = req.method === 'POST' && req.url.startsWith('/api/sync/push');
    // Restarts other than the long push's stay within maxRestarts.
    const canRestart = isPush && options.restart && proxy.counts.restart - longKills < proxy.maxRestarts && !restarting;
    if (isPush) pushes++;
    const r = proxy.random();
    if (canRestart && proxy.restartOnPushes.includes(pushes)) return 'restart';
    // The first long push since `reset` is killed (beyond maxRestarts), so kills also land
    // between a push's transactions.
    if (isPush && options.restart && !restarting && !longKills && isLongPush(body)) {
      longKills++;
      return 'restart';
    }
    let acc = 0;
    for (const kind of FAULT_KINDS) {
      if (kind === 'restart' && !canRestart) continue;
      acc += proxy.rates[kind] ?? 0;
      if (r < acc) return kind;
    }
    return null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    // A long push met during a restart waits for it, so that it can be killed in turn.
    if (restarting && proxy.enabled && !longKills && isLongPush(body)) await restarting;
    const fault = pick(req, body);
    // Drawn for every request in arrival order, so the stream of draws depends on the seed only.
    const extra = proxy.random();
    const route = routeOf(req);
    const tally = (proxy.byRoute[route] ??= {});
    tally[fault ?? 'passed'] = (tally[fault ?? 'passed'] ?? 0) + 1;
    if (fault) {
      proxy.counts[fault]++;
      const detail = fault === 'restart' ? ` (killed ${killDelay(body, extra)} ms after the push reached the server)` : '';
      proxy.log.push(`${fault} ${req.method} ${req.url?.slice(0, 60)} (${req.headers['x-sim-client'] ?? '?'})${detail}`);
    } else proxy.counts.passed++;
    try {
      switch (fault) {
        case 'drop-request':
          return cut(res);
        case 'error-500':
          return fail(res, 500);
        case 'delay':
          await sleep(20 + Math.floor(extra * 600));
          return send(res, await forward(req, body));
        case 'drop-response':
          await forward(req, body);
          return cut(res);
        case 'timeout': {
          // The server gets the request; the gateway gives up before its answer is passed on.
          const done = forward(req, body).catch(() => undefined);
          await Promise.race([done, sleep(300 + Math.floor(extra * 900))]);
          await sleep(50);
          return fail(res, 504);
        }
        case 'duplicate': {
          const [first, second] = await Promise.allSettled([forward(req, body), sleep(Math.floor(extra * 30)).then(() => forward(req, body))]);
          const chosen = extra < 0.5 ? first : second;
          const other = chosen === first ? second : first;
          const answer = chosen.status === 'fulfilled' ? chosen : other;
          if (answer.status === 'fulfilled') return send(res, answer.value);
          return fail(res, 502);
        }
        case 'restart': {
          const done = forward(req, body).catch(() => undefined);
          await sleep(killDelay(body, extra));
          restarting = (async () => {
            proxy.target = await options.restart!(body);
          })();
          try {
            await restarting;
          } finally {
            restarting = null;
          }
          await done;
          return cut(res);
        }
        default:
          if (restarting) await restarting;
          return send(res, await forward(req, body));
      }
    } catch {
      return fail(res, 502);
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    inFlight++;
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks)).finally(() => {
        inFlight--;
        if (inFlight === 0) {
          const ready = waiters;
          waiters = [];
          for (const w of ready) w();
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
