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

export interface ApiOptions {
  method?: string;
  body?: unknown;
  /** A request the person did not ask for (periodic sync): it must not extend the session. */
  background?: boolean;
  signal?: AbortSignal;
}

/** Listeners told when a request comes back 401 (the session ended). */
export const sessionExpired = new EventTarget();

export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.background) headers['x-portee-background'] = '1';
  let response: Response;
  try {
    response = await fetch(path, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    syncStatus.set({ online: false });
    throw new OfflineError();
  }
  syncStatus.set({ online: true });
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body = isApiErrorBody(data)
      ? data
      : { error: { code: 'http_' + response.status, message: 'Le serveur a refusé la demande. Réessayez plus tard.' } };
    if (response.status === 401) sessionExpired.dispatchEvent(new Event('expired'));
    throw new HttpError(response.status, body);
  }
  return data as T;
}
