import { readFileSync } from 'node:fs';
import { createSecureServer } from 'node:http2';
import { serve, type ServerType } from '@hono/node-server';
import type { Env } from '../env.ts';

/** The certificate and key the server speaks TLS with, as read at start. */
export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

/**
 * TLS_CERT_FILE and TLS_KEY_FILE read once, at start, before anything else is opened: a missing or
 * unreadable file stops the server with its variable's name. Null without them.
 */
export function readTls(env: Pick<Env, 'TLS_CERT_FILE' | 'TLS_KEY_FILE'>): TlsFiles | null {
  if (!env.TLS_CERT_FILE || !env.TLS_KEY_FILE) return null;
  const read = (name: 'TLS_CERT_FILE' | 'TLS_KEY_FILE') => {
    try {
      return readFileSync(env[name]!);
    } catch (error) {
      throw new Error(`Invalid environment:\n  ${name}: cannot read ${env[name]} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  };
  return { cert: read('TLS_CERT_FILE'), key: read('TLS_KEY_FILE') };
}

/**
 * The app's HTTP server: plain HTTP/1.1 by default (behind a balancer that speaks TLS to browsers,
 * or on localhost), or TLS itself, then HTTP/2 to the browsers that offer it and HTTP/1.1 to the
 * others (ALPN). HTTP/2 matters on a phone: a screen's first render needs some twenty scripts
 * (named by its HTML, docs/performance.md), and HTTP/1.1 fetches six at a time per origin, each
 * wave a round trip on a mobile network.
 */
export function listen(fetch: (request: Request) => Response | Promise<Response>, env: Pick<Env, 'PORT' | 'HOST'>, tls: TlsFiles | null, onListening: (port: number) => void): ServerType {
  const listening = (info: { port: number }) => onListening(info.port);
  if (!tls) return serve({ fetch, port: env.PORT, hostname: env.HOST }, listening);
  return serve({ fetch, port: env.PORT, hostname: env.HOST, createServer: createSecureServer, serverOptions: { ...tls, allowHTTP1: true } }, listening);
}
