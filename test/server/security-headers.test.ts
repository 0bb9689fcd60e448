import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { documentKind, site } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let uploadDir: string;
before(async () => {
  uploadDir = mkdtempSync(join(tmpdir(), 'portee-csp-uploads-'));
  t = await createTestApp({ env: { UPLOAD_DIR: uploadDir } });
});
after(() => {
  t.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

/** The CSP as { directive: [values] }. */
function csp(res: Response): Record<string, string[]> {
  const header = res.headers.get('content-security-policy');
  assert.ok(header, 'a Content-Security-Policy header');
  return Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

function assertSecurityHeaders(res: Response, what: string) {
  const policy = csp(res);
  assert.match(res.headers.get('content-security-policy')!, /script-src 'self'/, what);
  assert.match(res.headers.get('content-security-policy')!, /frame-ancestors 'none'/, what);
  assert.deepEqual(policy['script-src'], ["'self'"], `${what}: script-src`);
  assert.ok(!policy['script-src'].includes("'unsafe-inline'") && !policy['script-src'].includes("'unsafe-eval'"));
  if (policy['default-src']) assert.ok(!policy['default-src'].includes("'unsafe-inline'"));
  assert.deepEqual(policy['object-src'], ["'none'"]);
  // Lit adopts constructable stylesheets and no template sets a style attribute: no inline styles.
  assert.deepEqual(policy['style-src'], ["'self'"], `${what}: style-src`);
  assert.deepEqual(policy['base-uri'], ["'none'"], `${what}: base-uri`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
  assert.ok(res.headers.get('referrer-policy'), `${what}: Referrer-Policy`);
  assert.notEqual(res.headers.get('referrer-policy'), 'unsafe-url');
  assert.equal(res.headers.get('x-frame-options'), 'DENY', what);
}

describe('security headers', () => {
  test('a plain-HTTP answer has the CSP, nosniff, a referrer policy and no HSTS', async () => {
    const res = await t.app.request('http://localhost/api/sites');
    assert.equal(res.status, 200);
    assertSecurityHeaders(res, 'GET /api/sites');
    assert.equal(res.headers.get('strict-transport-security'), null);
  });

  test('behind an HTTPS proxy (x-forwarded-proto: https) HSTS is sent', async () => {
    const res = await t.app.request('http://localhost/api/sites', { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(res.status, 200);
    assertSecurityHeaders(res, 'GET /api/sites over https');
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d{7,}/);
  });

  test('a request made over https gets HSTS too', async () => {
    const res = await t.app.request('https://portee.example/api/sites');
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=/);
  });

  test('errors carry the headers too: 401, 404, 422', async () => {
    const c = new TestClient(t.app);
    const responses = [
      ['401', await c.request('/api/sync?cursor=0')],
      ['404', await c.request('/api/whatever')],
      ['422', await c.request('/api/session/sign-in', { json: {} })],
    ] as const;
    for (const [status, res] of responses) {
      assert.equal(String(res.status), status);
      assertSecurityHeaders(res, status);
      assert.equal(res.headers.get('strict-transport-security'), null);
    }
  });
});

describe('what a subresource carries', () => {
  const as = (dest?: string) => t.app.request('http://localhost/api/sites', dest ? { headers: { 'sec-fetch-dest': dest } } : {});

  test('loaded into a page as a script, style, image or font: nosniff, CORP and the referrer policy, none of the document-only headers', async () => {
    for (const dest of ['script', 'style', 'image', 'font']) {
      const res = await as(dest);
      assert.equal(res.status, 200, dest);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', dest);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'same-origin', dest);
      assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', dest);
      for (const name of ['content-security-policy', 'x-frame-options', 'permissions-policy', 'cross-origin-opener-policy']) {
        assert.equal(res.headers.get(name), null, `${dest}: ${name}`);
      }
      assert.match(res.headers.get('vary') ?? '', /Sec-Fetch-Dest/i, `${dest}: a cache keeps it for that use only`);
    }
  });

  test('a worker, a service worker, a document, a fetch, or no destination said: every header, the CSP included', async () => {
    for (const dest of ['worker', 'serviceworker', 'document', 'iframe', 'empty', undefined]) {
      const res = await as(dest);
      assertSecurityHeaders(res, `Sec-Fetch-Dest: ${dest ?? '(none)'}`);
    }
  });
});

describe('stored documents: only the secretariat sees a PDF inline, under its own full policy', () => {
  let n = 0;
  /** Uploads a file as `client` (a signed-in family) and returns its id. */
  async function upload(client: TestClient, name: string, type: string, bytes: Uint8Array) {
    const [mantes] = await t.db.select().from(site).where(eq(site.name, 'Mantes'));
    const [kind] = await t.db.select().from(documentKind).where(and(eq(documentKind.siteId, mantes.id), eq(documentKind.label, 'Justificatif de domicile')));
    const form = new FormData();
    form.set('kindId', kind.id);
    form.set('idempotencyKey', `csp-test-device:${++n}:${createHash('sha256').update(bytes).digest('hex')}`);
    form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
    const cookie = [...(client as unknown as { cookies: Map<string, string> }).cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.request('/api/documents', { method: 'POST', body: form, headers: { cookie, 'x-test-client-ip': '127.0.0.1' } });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { document: { id: string } }).document.id;
  }
  const pdf = new TextEncoder().encode('%PDF-1.4\n% csp\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

  test('the family always gets a download (attachment), even when it asks for a preview', async () => {
    const family = new TestClient(t.app);
    assert.equal((await family.signIn(...DEMO.family)).status, 200);
    const id = await upload(family, 'avis-imposition.pdf', 'application/pdf', pdf);
    for (const query of ['', '?apercu=1']) {
      const res = await family.request(`/api/documents/${id}/file${query}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition')!, /^attachment; /, query);
      assertSecurityHeaders(res, `family file${query}`);
    }
  });

  test('the secretariat previews a PDF inline with default-src none and a sandbox; anything else is a download', async () => {
    const family = new TestClient(t.app);
    assert.equal((await family.signIn(...DEMO.family)).status, 200);
    const id = await upload(family, 'quittance.pdf', 'application/pdf', pdf);
    const admin = new TestClient(t.app);
    assert.equal((await admin.signIn(...DEMO.secretariat)).status, 200);

    const preview = await admin.request(`/api/admin/documents/${id}/file?apercu=1`);
    assert.equal(preview.status, 200);
    assert.match(preview.headers.get('content-disposition')!, /^inline; /);
    const policy = csp(preview);
    assert.deepEqual(policy['default-src'], ["'none'"]);
    assert.deepEqual(policy['sandbox'], []);
    // Chrome draws a PDF through an internal <embed> (crbug.com/271452).
    assert.deepEqual(policy['object-src'], ["'self'"]);
    assert.deepEqual(policy['frame-ancestors'], ["'none'"]);
    assert.deepEqual(policy['base-uri'], ["'none'"]);
    assert.deepEqual(policy['form-action'], ["'none'"]);
    assert.equal(preview.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(preview.headers.get('x-frame-options'), 'DENY');

    const download = await admin.request(`/api/admin/documents/${id}/file`);
    assert.match(download.headers.get('content-disposition')!, /^attachment; /);
    assertSecurityHeaders(download, 'secretariat download');
  });
});

describe('error bodies', () => {
  const stackLine = /\n\s+at |\bat .+\(.*:\d+:\d+\)|node_modules|\.ts:\d+/;

  test('malformed JSON to sign-in → 4xx JSON error without a stack trace', async () => {
    const res = await t.app.request('/api/session/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"siteId": "x", "username": ',
    });
    assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const text = await res.text();
    assert.doesNotMatch(text, stackLine);
    const body = JSON.parse(text);
    assert.equal(typeof body.error.code, 'string');
    assert.equal(typeof body.error.message, 'string');
    assert.deepEqual(Object.keys(body), ['error']);
  });

  test('a body that is not JSON at all, or JSON of the wrong type, gets the same clean shape', async () => {
    for (const [contentType, body] of [
      ['text/plain', 'username=famille.demo'],
      ['application/json', '[1, 2, 3]'],
      ['application/json', 'null'],
      ['application/json', '"chaine"'],
    ]) {
      for (const path of ['/api/session/sign-in', '/api/password/lost', '/api/password/reset']) {
        const res = await t.app.request(path, { method: 'POST', headers: { 'content-type': contentType }, body });
        assert.ok(res.status >= 400 && res.status < 500, `${path} ${body}: status ${res.status}`);
        const text = await res.text();
        assert.doesNotMatch(text, stackLine, `${path} ${body}`);
        assert.equal(typeof JSON.parse(text).error.message, 'string', `${path} ${body}`);
      }
    }
  });

  test('an unexpected failure (database gone) → 500 with a generic body and no stack', async () => {
    const broken = await createTestApp({ seed: false });
    broken.close();
    const originalError = console.error;
    console.error = () => undefined; // the server logs the real error; the client must not see it
    try {
      const res = await broken.app.request('/api/sites');
      assert.equal(res.status, 500);
      assertSecurityHeaders(res, '500');
      const text = await res.text();
      assert.doesNotMatch(text, stackLine);
      assert.doesNotMatch(text, /SQLITE|libsql|closed/i);
      assert.deepEqual(JSON.parse(text), { error: { code: 'internal', message: 'Une erreur est survenue. Réessayez plus tard.' } });
    } finally {
      console.error = originalError;
    }
  });

  test('an oversized identifiant is a 422, not a crash', async () => {
    const res = await t.app.request('/api/session/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteId: 'x', username: 'a'.repeat(5000), password: 'b'.repeat(5000) }),
    });
    assert.equal(res.status, 422);
    const body = await res.json();
    assert.ok(body.error.fields.username);
    assert.ok(body.error.fields.password);
  });
});
