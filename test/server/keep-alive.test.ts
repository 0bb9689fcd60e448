import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { listen, type Listening } from '../../server/http/listen.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';

// A kept-alive HTTP/1.1 connection is closed by whichever side times out first. When the server
// does, a client that sends its next request at that moment gets ECONNRESET: a balancer answers
// 502, and a POST (a payment recorded, a push) is not retried, since it may have arrived. So the
// plain server keeps an idle connection longer than balancers do (HTTP_KEEP_ALIVE_SECONDS, 65 s),
// and a stop still ends kept-alive connections at once.

let server: RunningServer;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  reused: boolean;
}

/** One GET on `agent`'s connections: status, headers, and whether it went on a connection kept from before. */
function get(url: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req: ClientRequest = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the plain server announces 65 s, and a connection left idle past Node’s default (5 s, closed at 6) is used again', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await get(`${server.url}/api/sites`, agent);
    assert.equal(first.status, 200);
    assert.equal(first.headers['keep-alive'], 'timeout=65');
    await sleep(7_500);
    // A connection the server had closed leaves the agent's pool, and the request opens a new one.
    const second = await get(`${server.url}/api/sites`, agent);
    assert.equal(second.status, 200);
    assert.equal(second.reused, true, 'the same connection, 7.5 s later');
  } finally {
    agent.destroy();
  }
});

test('an idle kept-alive connection does not hold the server up at SIGTERM', async () => {
  const other = await startServer();
  const agent = new Agent({ keepAlive: true });
  try {
    assert.equal((await get(`${other.url}/api/sites`, agent)).status, 200);
    assert.equal(await other.stop(), true, 'exited by itself within 3 s, not killed');
  } finally {
    agent.destroy();
  }
});

/** The plain server in this process, with a handler that answers when `release` is called. */
async function heldServer(keepAliveSeconds: number): Promise<{ url: string; listening: Listening; entered: Promise<void>; release: () => void }> {
  let release!: () => void;
  let entered!: () => void;
  const inHandler = new Promise<void>((resolve) => (entered = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  let port = 0;
  let onPort!: () => void;
  const started = new Promise<void>((resolve) => (onPort = resolve));
  const listening = listen(
    async (req) => {
      if (new URL(req.url).pathname === '/held') {
        entered();
        await released;
      }
      return new Response('ok');
    },
    { PORT: 0, HOST: '127.0.0.1', HTTP_KEEP_ALIVE_SECONDS: keepAliveSeconds },
    null,
    (p) => {
      port = p;
      onPort();
    },
  );
  await started;
  return { url: `http://127.0.0.1:${port}`, listening, entered: inHandler, release };
}

test('HTTP_KEEP_ALIVE_SECONDS sets the time announced (620 s behind a balancer that keeps 600 s)', async () => {
  const { url, listening } = await heldServer(620);
  const agent = new Agent({ keepAlive: true });
  try {
    assert.equal((await get(`${url}/`, agent)).headers['keep-alive'], 'timeout=620');
  } finally {
    agent.destroy();
    await listening.close();
  }
});

test('a stop during a request answers it with Connection: close and ends without waiting for the keep-alive', async () => {
  const { url, listening, entered, release } = await heldServer(65);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // The connection is kept alive by a first answer, then busy with a second request at the stop.
    assert.equal((await get(`${url}/`, agent)).headers.connection, 'keep-alive');
    const answer = get(`${url}/held`, agent);
    await entered;
    const started = Date.now();
    const closed = listening.close();
    release();
    const held = await answer;
    assert.equal(held.status, 200);
    assert.equal(held.headers.connection, 'close', 'a stopping server tells the client not to send again');
    await closed;
    assert.ok(Date.now() - started < 2_000, `stopped in ${Date.now() - started} ms, not after the 65 s keep-alive`);
  } finally {
    release();
    agent.destroy();
  }
});
