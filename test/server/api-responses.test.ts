import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { embeddedPath } from '../../server/db/prepared-read.ts';
import { acceptsGzip } from '../../server/http/json-response.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let demo: TestClient;

before(async () => {
  t = await createTestApp();
  demo = new TestClient(t.app);
  assert.equal((await demo.signIn(...DEMO.family)).status, 200);
});
after(() => t.close());

describe('API answers: length known, large ones gzipped', () => {
  test('a snapshot pull is gzipped for a client that accepts it, with the compressed length', async () => {
    const res = await demo.request('/api/sync?cursor=0', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.match(res.headers.get('vary') ?? '', /accept-encoding/i);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(Number(res.headers.get('content-length')), bytes.length);
    const body = JSON.parse(gunzipSync(bytes).toString('utf8'));
    assert.equal(body.snapshot, true);
    assert.ok(body.changes.students.length >= 3);
    assert.ok(bytes.length * 2 < gunzipSync(bytes).length, 'compression pays');
  });

  test('gzip refused (q=0) or not offered: plain JSON with its length', async () => {
    for (const header of ['gzip;q=0, identity', undefined]) {
      const res = await demo.request('/api/sync?cursor=0', { headers: header ? { 'accept-encoding': header } : {} });
      assert.equal(res.headers.get('content-encoding'), null, String(header));
      const text = await res.text();
      assert.equal(Number(res.headers.get('content-length')), Buffer.byteLength(text));
      assert.equal(JSON.parse(text).snapshot, true);
    }
  });

  test('a "nothing new" pull stays small and uncompressed, security headers and no-store included', async () => {
    const { cursor } = (await demo.json('/api/sync?cursor=0')).body;
    const res = await demo.request(`/api/sync?cursor=${cursor}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), null);
    const text = await res.text();
    assert.deepEqual(JSON.parse(text), { cursor, snapshot: false, changes: {}, deleted: {} });
    assert.equal(Number(res.headers.get('content-length')), Buffer.byteLength(text));
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('x-request-id'));
  });

  test('errors keep their JSON body and status', async () => {
    const res = await demo.request('/api/sync?cursor=-1');
    assert.equal(res.status, 422);
    assert.ok((await res.json()).error.fields.cursor);
  });

  test('Accept-Encoding parsing', () => {
    assert.equal(acceptsGzip('gzip'), true);
    assert.equal(acceptsGzip('br, gzip;q=0.5'), true);
    assert.equal(acceptsGzip('*'), true);
    assert.equal(acceptsGzip('gzip;q=0'), false);
    assert.equal(acceptsGzip('gzip; q=0.0'), false);
    assert.equal(acceptsGzip('deflate, br'), false);
    assert.equal(acceptsGzip(undefined), false);
    assert.equal(acceptsGzip('x-gzip'), false);
  });
});

describe('the kept-prepared read connection', () => {
  test('opens only for an embedded file: relative, absolute or file:// URLs; never in memory or remote', () => {
    assert.equal(embeddedPath('file:data/portee.db'), 'data/portee.db');
    assert.equal(embeddedPath('file:/srv/portee/portee.db'), '/srv/portee/portee.db');
    assert.equal(embeddedPath('file:///srv/portee/portee.db'), '/srv/portee/portee.db');
    assert.equal(embeddedPath('file://localhost/srv/portee.db'), '/srv/portee.db');
    assert.equal(embeddedPath('file:data/mon%20site.db?mode=rwc'), 'data/mon site.db');
    assert.equal(embeddedPath('file::memory:'), null);
    assert.equal(embeddedPath('libsql://portee.example.turso.io'), null);
    assert.equal(embeddedPath('http://127.0.0.1:8080'), null);
  });
});
