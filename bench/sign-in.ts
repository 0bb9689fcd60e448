import { requestTrusting } from '../test/helpers/tls-fixture.ts';

interface Answer {
  status: number;
  setCookies: string[];
  json: () => unknown;
}

/** A request to the app: global fetch, or over https trusting `ca` alone (the tests' own certificate). */
async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}, ca?: Buffer): Promise<Answer> {
  if (ca) {
    const res = await requestTrusting(url, init, ca);
    return { status: res.status, setCookies: res.setCookies, json: () => JSON.parse(res.text) };
  }
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, setCookies: res.headers.getSetCookie(), json: () => JSON.parse(text) };
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
