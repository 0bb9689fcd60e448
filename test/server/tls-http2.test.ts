import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type ClientHttp2Session, type IncomingHttpHeaders } from 'node:http2';
import { request } from 'node:https';
import { parseEnv } from '../../server/env.ts';
import { readTls } from '../../server/http/listen.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';
import { DEMO } from '../helpers/test-app.ts';
import { TLS_ENV, tlsCa } from '../helpers/tls-fixture.ts';

// The server speaking TLS itself (TLS_CERT_FILE, TLS_KEY_FILE): HTTP/2 to a client that offers it,
// HTTP/1.1 to one that does not, and everything the app does over HTTP/1.1 works the same over
// HTTP/2 (pages with their script links, the API, a sign-in's body and cookie).

let server: RunningServer;
let session: ClientHttp2Session;

before(async () => {
  server = await startServer(TLS_ENV);
  session = connect(server.url, { ca: tlsCa() });
});
after(async () => {
  session?.close();
  await server?.stop();
});

/** One HTTP/2 request on the shared session: status, headers and body as text. */
function h2(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': opts.method ?? 'GET', ':path': path, ...opts.headers });
    let headers: IncomingHttpHeaders = {};
    let body = '';
    stream.setEncoding('utf8');
    stream.on('response', (h) => (headers = h));
    stream.on('data', (chunk: string) => (body += chunk));
    stream.on('end', () => resolve({ status: Number(headers[':status']), headers, body }));
    stream.on('error', reject);
    stream.end(opts.body);
  });
}

test('a page over HTTP/2: the HTML with its scripts named, over TLS with HSTS', async () => {
  const page = await h2('/connexion', { headers: { accept: 'text/html' } });
  assert.equal(session.alpnProtocol, 'h2', 'HTTP/2 was agreed');
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-type']), /^text\/html/);
  assert.match(page.body, /<script type="module"[^>]+src="\/assets\/index-[\w-]+\.js"/);
  assert.match(String(page.headers['strict-transport-security']), /max-age=31536000/);
  const script = page.body.match(/src="(\/assets\/index-[\w-]+\.js)"/)![1];
  const js = await h2(script, { headers: { 'accept-encoding': 'br' } });
  assert.equal(js.status, 200);
  assert.equal(js.headers['content-encoding'], 'br', 'the precompressed copy, as over HTTP/1.1');
});

test('the API over HTTP/2: signed out, then a sign-in (a JSON body) sets a Secure cookie that opens the session', async () => {
  const signedOut = await h2('/api/session', { headers: { accept: 'application/json' } });
  assert.equal(signedOut.status, 200);
  assert.equal(JSON.parse(signedOut.body).user, null);
  const sites = JSON.parse((await h2('/api/sites')).body) as Array<{ id: string; name: string }>;
  const siteId = sites.find((s) => s.name === 'Mantes')!.id;
  const signIn = await h2('/api/session/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ siteId, username: DEMO.family[0], password: DEMO.family[1] }),
  });
  assert.equal(signIn.status, 200, signIn.body);
  const cookies = [signIn.headers['set-cookie'] ?? []].flat();
  // __Secure- here (better-auth's prefix on an https address); production names it __Host- (auth.ts).
  const sessionCookie = cookies.find((c) => c.startsWith('__Secure-portee.session_token='));
  assert.ok(sessionCookie, `a __Secure- session cookie: ${cookies.join(' | ')}`);
  assert.match(sessionCookie, /;\s*Secure/i);
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
  const me = await h2('/api/session', { headers: { cookie } });
  assert.equal(JSON.parse(me.body).user.username, DEMO.family[0]);
  // The session cookie under its https name still has a signed-in screen's scripts named in its HTML.
  const billing = await h2('/famille/facturation', { headers: { accept: 'text/html', cookie } });
  assert.match(billing.body, /<link rel="modulepreload"[^>]+href="\/assets\/po-family-billing-page-[\w-]+\.js"/);
});

test('bounded as node:http is: at most 100 requests in flight on a connection, 16 KB of headers', async () => {
  await h2('/api/sites');
  assert.equal(session.remoteSettings.maxConcurrentStreams, 100);
  assert.equal(session.remoteSettings.maxHeaderListSize, 16 * 1024);
});

test('SIGTERM stops the server even while a browser keeps its HTTP/2 connection open', async () => {
  const other = await startServer(TLS_ENV);
  const open = connect(other.url, { ca: tlsCa() });
  try {
    const status = await new Promise((resolve, reject) => {
      const stream = open.request({ ':path': '/api/sites' });
      stream.on('response', (h) => resolve(h[':status']));
      stream.on('error', reject);
      stream.resume();
      stream.end();
    });
    assert.equal(status, 200);
    assert.equal(await other.stop(), true, 'exited by itself, not killed');
  } finally {
    open.destroy();
  }
});

test('a client without HTTP/2 is answered over HTTP/1.1 on the same port', async () => {
  const answer = await new Promise<{ status: number; version: string }>((resolve, reject) => {
    // node:https offers only HTTP/1.1 (ALPN), as an old browser or a tool would.
    request(`${server.url}/api/sites`, { ca: tlsCa() }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, version: res.httpVersion }));
    })
      .on('error', reject)
      .end();
  });
  assert.deepEqual(answer, { status: 200, version: '1.1' });
});

test('the certificate and its key go together, and an unreadable one stops the server with its name', async () => {
  assert.throws(() => parseEnv({ TLS_CERT_FILE: TLS_ENV.TLS_CERT_FILE }), /TLS_KEY_FILE: is required with TLS_CERT_FILE/);
  assert.throws(() => parseEnv({ TLS_KEY_FILE: TLS_ENV.TLS_KEY_FILE }), /TLS_CERT_FILE: is required with TLS_KEY_FILE/);
  assert.equal(parseEnv({ ...TLS_ENV, PORT: '8443' }).PUBLIC_URL, 'https://localhost:8443');
  assert.equal(readTls({}), null);
  assert.throws(() => readTls({ TLS_CERT_FILE: TLS_ENV.TLS_CERT_FILE, TLS_KEY_FILE: TLS_ENV.TLS_CERT_FILE }), /TLS_CERT_FILE and TLS_KEY_FILE: not a PEM certificate and its own key/);
  assert.throws(() => readTls({ ...TLS_ENV, production: true }), /TLS_CERT_FILE: the tests’ certificate/);
  assert.ok(readTls(TLS_ENV), 'allowed outside production');
  assert.throws(() => readTls({ ...TLS_ENV, TLS_KEY_FILE: '/nonexistent/key.pem' }), /TLS_KEY_FILE: cannot read \/nonexistent\/key\.pem \(ENOENT\)/);
  await assert.rejects(startServer({ ...TLS_ENV, TLS_KEY_FILE: '/nonexistent/key.pem' }), /server exited early:[\s\S]*TLS_KEY_FILE: cannot read \/nonexistent\/key\.pem/);
});
