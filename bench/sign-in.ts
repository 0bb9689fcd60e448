import { request } from 'node:https';

interface Answer {
  status: number;
  setCookies: string[];
  json: () => unknown;
}

/**
 * A request to the app: global fetch, or node:https trusting `ca` alone for a server that speaks
 * TLS with the tests' own certificate (test/helpers/tls-fixture.ts).
 */
function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}, ca?: Buffer): Promise<Answer> {
  if (!ca) {
    return fetch(url, init).then(async (res) => {
      const text = await res.text();
      return { status: res.status, setCookies: res.headers.getSetCookie(), json: () => JSON.parse(text) };
    });
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, ca }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookies: res.headers['set-cookie'] ?? [], json: () => JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Signs in on site Mantes through the API and returns the session cookie as a Cookie header. */
export async function signInCookie(base: string, username: string, password: string, ca?: Buffer): Promise<string> {
  const sites = (await call(`${base}/api/sites`, {}, ca)).json() as Array<{ id: string; name: string }>;
  const siteId = sites.find((s) => s.name === 'Mantes')!.id;
  const res = await call(`${base}/api/session/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ siteId, username, password }) }, ca);
  if (res.status !== 200) throw new Error(`sign-in ${res.status}`);
  return res.setCookies.map((c) => c.split(';')[0]).join('; ');
}

/** A course sheet's address: the first course of the demo family's first student, read from the API. */
export async function courseSheetPath(base: string, cookie: string, ca?: Buffer): Promise<string> {
  const pull = (await call(`${base}/api/sync?cursor=0`, { headers: { cookie } }, ca)).json() as {
    changes: { students?: Array<{ id: string }>; enrollments?: Array<{ studentId: string; courseId: string }> };
  };
  const enrollment = pull.changes.enrollments?.[0];
  if (!enrollment) throw new Error('no enrolment in the demo family');
  return `/eleves/${enrollment.studentId}/cours/${enrollment.courseId}`;
}

/** A Cookie header as the browser's own cookies for `base` (what a signed-in browser holds). */
export function browserCookies(base: string, cookie: string) {
  return cookie.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base, httpOnly: true, sameSite: 'Lax' as const };
  });
}
