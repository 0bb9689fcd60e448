import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../../server/http/context.ts';
import { mountClient } from '../../server/http/static.ts';

/**
 * Issue 15, goal 2: a screen's first visit names the page's scripts in the HTML, so the browser
 * asks for them beside the first screen's instead of four requests deep. The list is the build's
 * (route-preloads.json); these tests use one of their own in a client folder of their own.
 */
describe('the HTML names the scripts of the screen it is answered for', () => {
  let dir: string;
  const app = new Hono<AppEnv>();
  /** The desk's pages ask who is signed in (a 403 for a family): this account's role, or no session. */
  let deskRole: string | null = null;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'portee-client-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><link rel="stylesheet" href="/assets/index.css"></head><body></body></html>');
    writeFileSync(join(dir, 'route-preloads.json'), JSON.stringify({
      routes: [
        { path: '/preinscription', signedIn: false, scripts: ['/assets/po-preregistration-page-A.js'] },
        { path: '/famille/facturation', signedIn: true, scripts: ['/assets/signed-in-B.js', '/assets/po-family-billing-page-C.js'] },
        { path: '/eleves/:id/cours/:courseId', signedIn: true, scripts: ['/assets/po-course-page-D.js'] },
        { path: '/eleves/:id/cours/:courseId/suivi', signedIn: true, scripts: ['/assets/po-course-page-E.js'] },
        // The client's tables list a fixed path before the parameter that would match it too.
        { path: '/admin/familles/nouvelle', signedIn: true, scripts: ['/assets/po-admin-new-family-page-F.js'] },
        { path: '/admin/familles/:id', signedIn: true, scripts: ['/assets/po-admin-family-page-G.js'] },
      ],
    }));
    app.use('*', async (c, next) => {
      const getSession = async () => (deskRole ? { user: { role: deskRole } } : null);
      c.set('deps', { auth: { api: { getSession } } } as never);
      await next();
    });
    mountClient(app, dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const page = async (path: string, cookie?: string, status = 200) => {
    const res = await app.request(path, { headers: cookie ? { cookie } : {} });
    assert.equal(res.status, status);
    assert.match(res.headers.get('vary') ?? '', /Cookie/, 'the answer depends on the cookie');
    return res.text();
  };
  const preloaded = (html: string) => [...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)">/g)].map((m) => m[1]);

  test('a signed-in screen, with a session cookie: its scripts, at low priority, after the stylesheet', async () => {
    const html = await page('/famille/facturation', 'other=1; portee.session_token=abc.def');
    assert.deepEqual(preloaded(html), ['/assets/signed-in-B.js', '/assets/po-family-billing-page-C.js']);
    assert.match(html, /<link rel="modulepreload" fetchpriority="low" crossorigin href="\/assets\/signed-in-B.js">/);
    assert.ok(html.indexOf('modulepreload') > html.indexOf('stylesheet'), 'after the stylesheet');
    assert.ok(html.indexOf('modulepreload') < html.indexOf('</head>'), 'in the head');
  });

  test("production's and https's cookie names count too", async () => {
    assert.equal(preloaded(await page('/famille/facturation', '__Host-portee.session_token=abc')).length, 2);
    assert.equal(preloaded(await page('/famille/facturation', '__Secure-portee.session_token=abc')).length, 2, 'https outside production');
    assert.equal(preloaded(await page('/famille/facturation', '__Other-portee.session_token=abc')).length, 0);
  });

  test('a signed-in screen without a session cookie: nothing (the app will show the sign-in page)', async () => {
    assert.deepEqual(preloaded(await page('/famille/facturation')), []);
    assert.deepEqual(preloaded(await page('/famille/facturation', 'portee.session_data=abc; xportee.session_token=1')), []);
  });

  test('a public screen: its scripts, signed in or not', async () => {
    assert.deepEqual(preloaded(await page('/preinscription')), ['/assets/po-preregistration-page-A.js']);
  });

  test("a route's parameters are one segment each, and the whole path must match", async () => {
    const cookie = 'portee.session_token=abc';
    assert.deepEqual(preloaded(await page('/eleves/s1/cours/c1', cookie)), ['/assets/po-course-page-D.js']);
    assert.deepEqual(preloaded(await page('/eleves/s1/cours/c1/suivi', cookie)), ['/assets/po-course-page-E.js']);
    assert.deepEqual(preloaded(await page('/eleves/s1/cours/c1/autre', cookie)), []);
    assert.deepEqual(preloaded(await page('/eleves/s1/x/cours/c1', cookie)), []);
    assert.deepEqual(preloaded(await page('/inconnue', cookie)), []);
  });

  test("no trailing slash and no decoded path: the client's router would not show those addresses", async () => {
    const cookie = 'portee.session_token=abc';
    assert.deepEqual(preloaded(await page('/famille/facturation/', cookie)), []);
    assert.deepEqual(preloaded(await page('/famille/factur%61tion', cookie)), []);
  });

  test('the first route that matches, as the client takes them', async () => {
    const cookie = 'portee.session_token=abc';
    deskRole = 'secretariat';
    try {
      assert.deepEqual(preloaded(await page('/admin/familles/nouvelle', cookie)), ['/assets/po-admin-new-family-page-F.js']);
      assert.deepEqual(preloaded(await page('/admin/familles/f1', cookie)), ['/assets/po-admin-family-page-G.js']);
    } finally {
      deskRole = null;
    }
  });

  test("the desk's page refused to a family (403), or with a cookie that opens no session: no scripts", async () => {
    const cookie = 'portee.session_token=abc';
    deskRole = 'family';
    try {
      assert.deepEqual(preloaded(await page('/admin/familles/f1', cookie, 403)), []);
    } finally {
      deskRole = null;
    }
    assert.deepEqual(preloaded(await page('/admin/familles/f1', cookie)), []);
  });

  test('a list the build rewrote is read again: a server left running names the new files', async () => {
    const file = join(dir, 'route-preloads.json');
    const original = readFileSync(file, 'utf8');
    const before = preloaded(await page('/preinscription'));
    writeFileSync(file, JSON.stringify({ routes: [{ path: '/preinscription', signedIn: false, scripts: ['/assets/po-preregistration-page-Z.js'] }] }));
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    try {
      assert.deepEqual(before, ['/assets/po-preregistration-page-A.js']);
      assert.deepEqual(preloaded(await page('/preinscription')), ['/assets/po-preregistration-page-Z.js']);
    } finally {
      writeFileSync(file, original);
    }
  });

  test("a script the build does not have is missing (404), not the app's HTML kept a year under its name", async () => {
    const res = await app.request('/assets/po-old-page-X.js');
    assert.equal(res.status, 404);
    assert.doesNotMatch(res.headers.get('cache-control') ?? '', /immutable/);
  });
});

describe('a client built without the list', () => {
  test('the HTML is answered as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portee-client-'));
    try {
      const html = '<!doctype html><html><head></head><body></body></html>';
      writeFileSync(join(dir, 'index.html'), html);
      const app = new Hono<AppEnv>();
      mountClient(app, dir);
      const res = await app.request('/famille/facturation', { headers: { cookie: 'portee.session_token=abc' } });
      assert.equal(await res.text(), html);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
