// A reference server in a process of its own (bench/bare-server.ts, bench/stack-floor-server.ts):
// started with tsx, it prints "PORT n" once it listens. Its own process, so the load generator and
// the server it is compared with never share its event loop.
import { spawn, type ChildProcess } from 'node:child_process';

export interface PortChild {
  port: number;
  stop: () => void;
}

export async function startPortChild(script: string, args: string[]): Promise<PortChild> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited ${code} before listening`)));
    child.stdout!.on('data', (d: Buffer) => {
      const match = /PORT (\d+)/.exec(d.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return { port, stop: () => child.kill('SIGTERM') };
}
