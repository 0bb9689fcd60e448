/** Signs in on site Mantes through the API and returns the session cookie as a Cookie header. */
export async function signInCookie(base: string, username: string, password: string): Promise<string> {
  const sites = (await (await fetch(`${base}/api/sites`)).json()) as Array<{ id: string; name: string }>;
  const siteId = sites.find((s) => s.name === 'Mantes')!.id;
  const res = await fetch(`${base}/api/session/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteId, username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
