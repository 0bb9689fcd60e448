import { sessionExpired } from '../api/http.ts';
import { errorOf, failureOf } from './command-failure.ts';
import type { CommandAnswer, CommandAsk } from './command-messages.ts';
import { dataWorker, onDataWorkerLost } from './data-worker.ts';
import type { CommandArgs, CommandName, CommandResult } from './named-commands.ts';
import { requestPull } from './pull-request.ts';
import { syncStatus } from './sync-status.ts';
import { emitUploadEvent } from './upload-events.ts';

interface Asked {
  name: CommandName;
  args: CommandArgs<CommandName>;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** The worker said it started it: lost after this, it may have run there. */
  started?: boolean;
}

/**
 * The commands that must not run twice: each stores a new row (a mutation, a file). Lost after
 * the worker started one, it is said failed rather than perhaps queued twice. Every other command
 * can run again on the page: a stop, a wipe, a read, a push or a send (on the page, the answer
 * of a mutation queued in the lost worker is 'queued'; the device's work, restarted on the page,
 * sends it).
 */
const ONCE: ReadonlySet<CommandName> = new Set(['queueWatchedMutation', 'queueUpload']);

let lastId = 0;
const asked = new Map<number, Asked>();
/** The port to the data worker's commands; null where there is no worker (then they run on the page). */
let port: MessagePort | null | undefined;
/** Whether the device's background work was last started (to start it again on the page if the worker is lost). */
let working = false;

/** What the data side did that the page must hear, dispatched where the page listens. */
function hear(answer: CommandAnswer) {
  switch (answer.kind) {
    case 'started': {
      const one = asked.get(answer.id);
      if (one) one.started = true;
      return;
    }
    case 'status':
      syncStatus.set(answer.patch);
      return;
    case 'expired':
      sessionExpired.dispatchEvent(new Event('expired'));
      return;
    case 'pull':
      requestPull();
      return;
    case 'upload':
      emitUploadEvent(answer.detail);
      return;
    case 'done':
    case 'failed': {
      const one = asked.get(answer.id);
      asked.delete(answer.id);
      if (answer.kind === 'done') one?.resolve(answer.value);
      else one?.reject(errorOf(answer.error));
    }
  }
}

function commandPort(): MessagePort | null {
  if (port !== undefined) return port;
  const worker = dataWorker();
  if (!worker) return (port = null);
  const channel = new MessageChannel();
  channel.port1.onmessage = ({ data }: MessageEvent<CommandAnswer>) => hear(data);
  worker.postMessage({ commands: channel.port2 }, [channel.port2]);
  onDataWorkerLost(() => {
    channel.port1.close();
    port = null;
    // What it had not started (a script that never loaded ran nothing) runs on the page, and so
    // does what can run twice; a new row it may have stored is said failed, not stored twice.
    let restarted = false;
    for (const [id, one] of asked) {
      asked.delete(id);
      if (one.started && ONCE.has(one.name)) {
        one.reject(new Error('The data worker stopped.'));
        continue;
      }
      if (one.name === 'startDeviceWork') restarted = true;
      runOnPage(one.name, one.args).then(one.resolve, one.reject);
    }
    if (working && !restarted) void runOnPage('startDeviceWork', []).catch((error: unknown) => console.error('[data worker]', error));
  });
  return (port = channel.port1);
}

/**
 * The same command on the page, loaded on demand (a page served with the worker never loads the
 * database). Its arguments, result and error are cloned as the port would, so what could not
 * cross to the worker fails in the component tests too.
 */
async function runOnPage(name: CommandName, args: CommandArgs<CommandName>): Promise<unknown> {
  const { namedCommands } = await import('./named-commands.ts');
  const command = namedCommands[name] as (...a: unknown[]) => unknown;
  let value: unknown;
  try {
    value = await command(...structuredClone(args));
  } catch (error) {
    throw errorOf(failureOf(error));
  }
  return structuredClone(value);
}

/**
 * Runs a named command (client/data/named-commands.ts) where the data lives: in the data worker,
 * or on the page where there is none. Resolves with its result; rejects with its error's name
 * and message.
 */
export function runCommand<N extends CommandName>(name: N, ...args: CommandArgs<N>): Promise<CommandResult<N>> {
  if (name === 'startDeviceWork') working = true;
  if (name === 'stopDeviceWork' || name === 'wipeDevice') working = false;
  const to = commandPort();
  if (!to) return runOnPage(name, args) as Promise<CommandResult<N>>;
  return new Promise((resolve, reject) => {
    const id = ++lastId;
    asked.set(id, { name, args, resolve: resolve as (value: unknown) => void, reject });
    try {
      to.postMessage({ id, name, args } satisfies CommandAsk);
    } catch (error) {
      asked.delete(id);
      reject(errorOf(failureOf(error)));
    }
  });
}
