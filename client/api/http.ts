import { hc, type ClientResponse } from 'hono/client';
import type { ApiType } from '../../server/api.ts';
import { isApiErrorBody, type ApiErrorBody } from '../../shared/api-error.ts';
import { syncStatus } from '../data/sync-status.ts';

/** The server could not be reached: the app is offline, whatever navigator.onLine says. */
export class OfflineError extends Error {
  constructor() {
    super('offline');
  }
}

/** The server answered with an error: its uniform body, ready for an error summary. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.error.message);
  }
}

/** Listeners told when a request comes back 401 (the session ended). */
export const sessionExpired = new EventTarget();

/** An early answer is taken only this soon after it was asked for. */
const EARLY_SESSION_MS = 10_000;

/**
 * GET /api/session as the HTML's first script asked for it (client/public/boot.js), before the
 * modules had arrived: taken by the app's first request for the session, once, so the answer is
 * not asked for twice and goes through the same handling as any other. Not when it is older than
 * a few seconds, nor when the session this device keeps (client/app/session.ts) changed since it
 * was asked (another tab signed out or in): then the request goes to the server as always.
 */
function earlySession(input: RequestInfo | URL, init: RequestInit): Promise<Response> | undefined {
  const holder = globalThis as { porteeSession?: { answer: Promise<Response>; at: number; known: string | null } };
  const early = holder.porteeSession;
  if (!early || (init.method ?? 'GET').toUpperCase() !== 'GET') return undefined;
  if (new URL(input instanceof Request ? input.url : String(input), location.href).pathname !== '/api/session') return undefined;
  delete holder.porteeSession;
  let known: string | null = null;
  try {
    known = localStorage.getItem('portee.session');
  } catch {
    // Storage refused: boot.js read null too.
  }
  return Date.now() - early.at <= EARLY_SESSION_MS && known === early.known ? early.answer : undefined;
}

/**
 * Every API request goes through here: same-origin cookies; a request that cannot reach the
 * server marks the app offline and throws OfflineError; an answer marks it online; an error
 * answer throws HttpError with the uniform body (401 also tells `sessionExpired`). So a caller
 * only ever sees a successful answer.
 */
async function transport(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  // A plain record, lower-case names, as fetch was always given them.
  const headers: Record<string, string> = { accept: 'application/json', ...Object.fromEntries(new Headers(init.headers)) };
  let response: Response;
  try {
    response = await (earlySession(input, init) ?? fetch(input, { ...init, headers, credentials: 'same-origin' }));
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    syncStatus.set({ online: false });
    throw new OfflineError();
  }
  syncStatus.set({ online: true });
  if (!response.ok) {
    const data: unknown = await response.json().catch(() => null);
    const body = isApiErrorBody(data)
      ? data
      : { error: { code: 'http_' + response.status, message: 'Le serveur a refusé la demande. Réessayez plus tard.' } };
    if (response.status === 401) sessionExpired.dispatchEvent(new Event('expired'));
    throw new HttpError(response.status, body);
  }
  return response;
}

/**
 * The API, typed by the server's routes (server/api.ts): `apiClient.admin.summary.$get()`. The
 * client sees the server only as a type, so a changed route or answer fails the typecheck here.
 */
export const apiClient = hc<ApiType>('/api', { fetch: transport });

/** The second argument of a request the person did not ask for (periodic sync): it must not extend the session. */
export const backgroundRequest = { headers: { 'x-portee-background': '1' } };

/** The body of a successful answer, typed by its route (errors were thrown by the transport). */
export async function answer<T>(request: Promise<ClientResponse<T, number, 'json'>>): Promise<T> {
  return (await request).json();
}

/** The same for a route that answers one of several shapes (e.g. GET /api/session: an account or signed out). */
export async function answerOneOf<R extends ClientResponse<unknown, number, 'json'>>(request: Promise<R>): Promise<Awaited<ReturnType<R['json']>>> {
  return (await request).json() as Promise<Awaited<ReturnType<R['json']>>>;
}
