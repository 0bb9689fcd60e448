import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server as HttpServer, ServerResponse } from 'node:http';
import { constants, createSecureServer, type Http2SecureServer, type ServerHttp2Session } from 'node:http2';
import { createSecureContext } from 'node:tls';
import { serve, type ServerType } from '@hono/node-server';
import type { Env } from '../env.ts';

/** The certificate and key the server speaks TLS with, as read at start. */
export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

/** test/fixtures/tls's certificate says so in its name: public, so never a real server's. */
const TEST_CERTIFICATE = /Portee tests only/;

/**
 * TLS_CERT_FILE and TLS_KEY_FILE read and checked once, at start, before anything else is opened:
 * a missing or unreadable file, a key that is not the certificate's, or the tests' certificate in
 * production stops the server with the variables' names. Null without them.
 */
export function readTls(env: Pick<Env, 'TLS_CERT_FILE' | 'TLS_KEY_FILE'> & { production?: boolean }): TlsFiles | null {
  if (!env.TLS_CERT_FILE || !env.TLS_KEY_FILE) return null;
  const invalid = (what: string) => new Error(`Invalid environment:\n  ${what}`);
  const read = (name: 'TLS_CERT_FILE' | 'TLS_KEY_FILE') => {
    try {
      return readFileSync(env[name]!);
    } catch (error) {
      throw invalid(`${name}: cannot read ${env[name]} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  };
  const files = { cert: read('TLS_CERT_FILE'), key: read('TLS_KEY_FILE') };
  try {
    createSecureContext(files);
  } catch (error) {
    throw invalid(`TLS_CERT_FILE and TLS_KEY_FILE: not a PEM certificate and its own key (${(error as Error).message})`);
  }
  if (env.production && TEST_CERTIFICATE.test(new X509Certificate(files.cert).subject)) {
    throw invalid('TLS_CERT_FILE: the tests’ certificate (test/fixtures/tls), whose key is public, is never allowed with NODE_ENV=production');
  }
  return files;
}

/** The running server, and how to stop it: new connections refused, open ones finished. */
export interface Listening {
  server: ServerType;
  close(): Promise<void>;
}

/**
 * Bounds of the TLS server, which node:http2 leaves open (node:http's own defaults for the first
 * three). Browsers reach it directly, with no balancer between: a browser sends a request again
 * when a kept-alive connection is closed under it, so the short keep-alive stays.
 */
const IDLE_MS = 60_000;
const KEEP_ALIVE_MS = 5_000;
const REQUEST_MS = 300_000;
/** A browser opens a screen's twenty-odd scripts at once; a thousand in flight is not a browser. */
const MAX_STREAMS = 100;
/** As node:http's default header limit (16 KB). */
const MAX_HEADER_BYTES = 16 * 1024;
/** How long open HTTP/2 sessions, and the plain server's busy connections, get to finish their requests at shutdown. */
const CLOSE_GRACE_MS = 10_000;
/** How often a stopping plain server ends the connections that have gone idle since. */
const DRAIN_POLL_MS = 250;

/**
 * The app's HTTP server: plain HTTP/1.1 by default (behind a balancer that speaks TLS to browsers,
 * or on localhost), or TLS itself, then HTTP/2 to the browsers that offer it and HTTP/1.1 to the
 * others (ALPN). HTTP/2 matters on a phone: a screen's first render needs some twenty scripts
 * (named by its HTML, docs/performance.md), and HTTP/1.1 fetches six at a time per origin, each
 * wave a round trip on a mobile network.
 */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  env: Pick<Env, 'PORT' | 'HOST' | 'HTTP_KEEP_ALIVE_SECONDS'>,
  tls: TlsFiles | null,
  onListening: (port: number) => void,
): Listening {
  const listening = (info: { port: number }) => onListening(info.port);
  if (!tls) return listenPlain(fetch, env, listening);
  const server = serve(
    {
      fetch,
      port: env.PORT,
      hostname: env.HOST,
      createServer: createSecureServer,
      serverOptions: { ...tls, allowHTTP1: true, settings: { maxConcurrentStreams: MAX_STREAMS, maxHeaderListSize: MAX_HEADER_BYTES } },
    },
    listening,
  ) as Http2SecureServer;
  // node:http closes an idle connection, a kept-alive one and a request that takes too long; the
  // TLS server does none of it by itself, so one client could hold any number of sockets.
  server.setTimeout(IDLE_MS);
  (server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = KEEP_ALIVE_MS;
  server.on('stream', (stream) => stream.setTimeout(REQUEST_MS, () => stream.close(constants.NGHTTP2_CANCEL)));
  // server.close() waits for every HTTP/2 session, which a browser keeps open: each is told to
  // finish what it has started (GOAWAY), then ended after a grace period.
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  return {
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.close();
        setTimeout(() => {
          for (const session of sessions) session.destroy();
        }, CLOSE_GRACE_MS).unref();
      }),
  };
}

/**
 * The plain HTTP/1.1 server, which a balancer talks to. It keeps an idle connection longer than the
 * balancer keeps its own (HTTP_KEEP_ALIVE_SECONDS, 65 s; nginx upstream and AWS's balancers keep 60 s),
 * so the server is never the side that closes a connection as a request is sent on it: that
 * request would fail with ECONNRESET (a 502 from the balancer), and a POST cannot be retried safely.
 * Node's default, 5 s, is shorter than all of them.
 *
 * A kept-alive connection must not hold a stop up for that long: once stopping, every answer says
 * `Connection: close`, connections end as soon as they are idle, and those still busy after the
 * grace period are cut.
 */
function listenPlain(fetch: (request: Request) => Response | Promise<Response>, env: Pick<Env, 'PORT' | 'HOST' | 'HTTP_KEEP_ALIVE_SECONDS'>, listening: (info: { port: number }) => void): Listening {
  const server = serve({ fetch, port: env.PORT, hostname: env.HOST }, listening) as HttpServer;
  server.keepAliveTimeout = env.HTTP_KEEP_ALIVE_SECONDS * 1000;
  let stopping = false;
  const answering = new Set<ServerResponse>();
  // First, before the app's own listener writes anything.
  server.prependListener('request', (_req, res) => {
    if (stopping) res.shouldKeepAlive = false;
    answering.add(res);
    res.once('close', () => answering.delete(res));
  });
  return {
    server,
    close: () =>
      new Promise((resolve) => {
        stopping = true;
        // Answers still being made say so too (those already sent end when their connection is idle).
        for (const res of answering) if (!res.headersSent) res.shouldKeepAlive = false;
        const drain = setInterval(() => server.closeIdleConnections(), DRAIN_POLL_MS);
        const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearInterval(drain);
          clearTimeout(cut);
          resolve();
        });
      }),
  };
}
