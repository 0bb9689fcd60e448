import { Worker } from 'node:worker_threads';

/** mulberry32: small and seedable; picks the run's actions and faults, and a device's choices within an action. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a simulated device is (test/helpers/sim-client-worker.ts). */
export interface SimInit {
  /** Printed in the proxy's log and the report, e.g. "famille.demo#2". */
  name: string;
  /** The device's number in the run (its roll calls take their own days from it). */
  index: number;
  proxyUrl: string;
  site: string;
  username: string;
  password: string;
}

export type SimOp = 'start' | 'setOffline' | 'identityEdit' | 'rollCall' | 'note' | 'upload' | 'review' | 'pull' | 'push' | 'drain' | 'compare' | 'stop';
export interface SimAsk {
  id: number;
  op: SimOp;
  args?: unknown;
}
export type SimReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/**
 * The main thread's handle on one simulated device: a worker thread with its own copy of the
 * client's modules and its own fake IndexedDB. Node 20 does not hand a worker the main thread's
 * `--import tsx`, so the worker's entry registers tsx before importing the TypeScript file.
 */
export class SimClient {
  private worker: Worker;
  private lastId = 0;
  private asked = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<unknown>;

  constructor(readonly init: SimInit) {
    const entry = new URL('./sim-client-worker.ts', import.meta.url).href;
    this.worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`, {
      eval: true,
      workerData: init,
    });
    this.ready = new Promise((resolve, reject) => this.asked.set(0, { resolve, reject }));
    this.worker.on('message', (reply: SimReply) => {
      const waiter = this.asked.get(reply.id);
      this.asked.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.value);
      else waiter?.reject(new Error(`${init.name}: ${reply.error}`));
    });
    this.worker.on('error', (error) => {
      for (const w of this.asked.values()) w.reject(new Error(`${init.name}: worker failed: ${error.stack ?? error.message}`));
      this.asked.clear();
    });
  }

  get name() {
    return this.init.name;
  }

  async call<T = unknown>(op: SimOp, args?: unknown): Promise<T> {
    await this.ready;
    const id = ++this.lastId;
    return new Promise<T>((resolve, reject) => {
      this.asked.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, args } satisfies SimAsk);
    });
  }

  async terminate() {
    await this.worker.terminate();
  }
}
