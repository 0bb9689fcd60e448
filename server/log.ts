import type { MiddlewareHandler } from 'hono';

/**
 * The server's one way to log: one JSON object per line (`time`, `level`, `msg`, then fields).
 * Every value goes through JSON.stringify, which escapes the control characters U+0000–U+001F
 * (a newline in a request field becomes `\n` inside its string, never a second line); the
 * characters it leaves raw that terminals or log viewers treat as line breaks or reorder text
 * (DEL and the C1 controls, U+2028/U+2029, bidirectional controls) are escaped as well. Errors
 * are logged with their name, message, code, stack and cause.
 *
 * Nothing request-derived is logged through console.* directly: use logEvent.
 */
export type LogLevel = 'info' | 'warn' | 'error';

/** Characters JSON.stringify leaves as they are but that must not reach a log raw. */
const UNSAFE_FOR_LOGS = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function formatLogLine(level: LogLevel, msg: string, fields: Record<string, unknown> = {}, time = new Date()): string {
  const entry = { time: time.toISOString(), level, msg, ...fields };
  let json: string;
  try {
    json = JSON.stringify(entry, (_key, value: unknown) => (value instanceof Error ? errorFields(value) : typeof value === 'bigint' ? String(value) : value));
  } catch {
    // A cycle in a logged value: the line is still written, without the fields.
    json = JSON.stringify({ time: entry.time, level, msg, fields: 'unserializable' });
  }
  return json.replace(UNSAFE_FOR_LOGS, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}

export function logEvent(level: LogLevel, msg: string, fields?: Record<string, unknown>): void {
  const line = formatLogLine(level, msg, fields);
  if (level === 'info') console.log(line);
  else if (level === 'warn') console.warn(line);
  else console.error(line);
}

function errorFields(error: Error): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(code !== undefined ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
    ...(error.cause !== undefined ? { cause: error.cause } : {}),
  };
}

/**
 * One line per answered request (replaces hono's logger, which printed free text): method, path
 * without the query string (it may carry tokens or idop values), status, duration and the
 * request id when hono's requestId() set one.
 */
export function requestLog(): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const id = c.get('requestId') as string | undefined;
    logEvent('info', 'request', { method: c.req.method, path: withoutSecrets(c.req.path), status: c.res.status, ms: Math.round(performance.now() - start), ...(id ? { id } : {}) });
  };
}

/** A calendar feed's address is its secret (only its hash is stored): the log keeps its shape only. */
function withoutSecrets(path: string): string {
  return path.replace(/^\/calendrier\/[^/]+\.ics$/, '/calendrier/[jeton].ics');
}
