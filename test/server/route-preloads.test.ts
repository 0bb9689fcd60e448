import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'portee-client-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><link rel="stylesheet" href="/assets/index.css"></head><body></body></html>');
    writeFileSync(join(dir, 'route-preloads.json'), JSON.stringify({
      routes: [
        { path: '/preinscription', signedIn: false, scripts: ['/assets/po-preregistration-page-A.js'] },
        { path: '/famille/facturation', signedIn: true, scripts: ['/assets/signed-in-B.js', '/assets/po-family-billing-page-C.js'] },
        { path: '/eleves/:id/cours/:courseId', signedIn: true, scripts: ['/assets/po-course-page-D.js'] },
        { path: '/eleves/:id/cours/:courseId/suivi', signedIn: true, scripts: ['/assets/po-course-page-E.js'] },
      ],
    }));
    mountClient(app, dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const page = async (path: string, cookie?: string) => {
    const res = await app.request(path, { headers: cookie ? { cookie } : {} });
    assert.equal(res.status, 200);
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

  test("production's cookie name counts too", async () => {
    assert.equal(preloaded(await page('/famille/facturation', '__Host-portee.session_token=abc')).length, 2);
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
