// A reference server in a process of its own (bench/bare-server.ts, bench/stack-floor-server.ts):
// started with tsx, it prints "PORT n" on a line once it listens. Its own process, so the load
// generator and the server it is compared with never share its event loop.
import { spawn } from 'node:child_process';

export interface PortChild {
  port: number;
  /** Whether it has exited since it started listening: figures measured after that are void. */
  exited: () => boolean;
  /** Stops it and resolves once it has exited (killed outright if it has not within 5 s). */
  stop: () => Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

export async function startPortChild(script: string, args: string[]): Promise<PortChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} did not listen within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited (${signal ?? code}) before listening`));
      });
      let out = '';
      const read = (d: Buffer) => {
        out += d.toString();
        const match = /^PORT (\d+)\n/m.exec(out);
        if (!match) return;
        clearTimeout(timer);
        child.stdout.off('data', read);
        child.stdout.resume(); // what it writes later is not read, and must not fill the pipe
        resolve(Number(match[1]));
      };
      child.stdout.on('data', read);
    });
    const stop = async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(killer);
    };
    return { port, exited: () => exited, stop };
  } catch (error) {
    if (!exited) child.kill('SIGKILL');
    throw error;
  }
}
