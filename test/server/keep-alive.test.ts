import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, type RunningServer } from '../helpers/server-process.ts';
import { TLS_ENV, tlsCa } from '../helpers/tls-fixture.ts';

// A kept-alive HTTP/1.1 connection is closed by whichever side times out first. When the server
// does, a client that sends its next request at that moment gets ECONNRESET: a balancer answers
// 502, and a POST (a payment recorded, a push) is not retried, since it may have arrived. So the
// server keeps an idle connection longer than its clients and balancers do (about 60 s for nginx
// and the common cloud balancers), and is never the one to close a connection about to be reused.

let plain: RunningServer;
let tls: RunningServer;

before(async () => {
  [plain, tls] = await Promise.all([startServer(), startServer(TLS_ENV)]);
});
after(async () => {
  await Promise.all([plain?.stop(), tls?.stop()]);
});

/** One GET on `agent`'s connections: its status, and whether it went on a connection kept from before. */
function get(url: string, agent: HttpAgent): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req: ClientRequest = send(url, { agent, ca: tlsCa() }, (res: IncomingMessage) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('an HTTP/1.1 connection left idle longer than Node’s 5 s default is still open for the next request, with and without TLS', async () => {
  const clients = [
    { url: `${plain.url}/api/sites`, agent: new HttpAgent({ keepAlive: true, maxSockets: 1 }) },
    { url: `${tls.url}/api/sites`, agent: new HttpsAgent({ keepAlive: true, maxSockets: 1, ca: tlsCa() }) },
  ];
  try {
    for (const { url, agent } of clients) assert.deepEqual(await get(url, agent), { status: 200, reused: false }, url);
    await sleep(6_000);
    for (const { url, agent } of clients) {
      // A connection the server had closed leaves the agent's pool, and the request opens a new one.
      assert.deepEqual(await get(url, agent), { status: 200, reused: true }, `${url}: the same connection, 6 s later`);
    }
  } finally {
    for (const { agent } of clients) agent.destroy();
  }
});

test('an idle kept-alive connection does not hold the server up at SIGTERM', async () => {
  const other = await startServer();
  const agent = new HttpAgent({ keepAlive: true });
  try {
    assert.equal((await get(`${other.url}/api/sites`, agent)).status, 200);
    assert.equal(await other.stop(), true, 'exited by itself within 3 s, not killed');
  } finally {
    agent.destroy();
  }
});
