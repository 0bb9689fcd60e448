import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requestTrusting } from './tls-fixture.ts';

export interface RunningServer {
  url: string;
  dbFile: string;
  output: () => string;
  /** SIGTERM, then SIGKILL after 3 s; true when the process had exited by itself by then. */
  stop(): Promise<boolean>;
  /** Kills the process at once (SIGKILL: no clean shutdown, like a crash) and keeps the database file. */
  kill(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Whether `url` answers 200, trusting `ca` for an https one (the tests' own certificate). */
function answers(url: string, ca: Buffer | null): Promise<boolean> {
  const answer = ca ? requestTrusting(url, {}, ca).then((res) => res.status === 200) : fetch(url).then((res) => res.ok);
  return answer.catch(() => false);
}

/**
 * Starts the real server (built client, demo data, fresh database) as a child process, the way
 * `npm start` does, and waits until it answers. The client must be built (`npm run build`).
 * With TLS_CERT_FILE and TLS_KEY_FILE in `env` (test/helpers/tls-fixture.ts), it speaks TLS
 * (HTTP/2 and HTTP/1.1) and `url` is https.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const ca = env.TLS_CERT_FILE ? readFileSync(env.TLS_CERT_FILE) : null;
  const url = `${ca ? 'https' : 'http'}://localhost:${port}`;
  const dbFile = join(tmpdir(), `portee-e2e-${crypto.randomUUID()}.db`);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${dbFile}`,
      PUBLIC_URL: url,
      LOG_REQUESTS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    if (await answers(`${url}/api/sites`, ca)) break; // else not listening yet
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`server did not start in 30 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dbFile,
    output: () => out,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      let clean = true;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        clean = child.exitCode !== null;
        if (!clean) child.kill('SIGKILL');
      }
      for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
      return clean;
    },
  };
}
