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
}

let lastId = 0;
const asked = new Map<number, Asked>();
/** The port to the data worker's commands; null where there is no worker (then they run on the page). */
let port: MessagePort | null | undefined;
/** The worker said it runs what it is sent: a command lost after this may have run there. */
let ready = false;
/** Whether the device's background work was last started (to start it again on the page if the worker is lost). */
let working = false;

/** What the data side did that the page must hear, dispatched where the page listens. */
function hear(answer: CommandAnswer) {
  switch (answer.kind) {
    case 'ready':
      ready = true;
      return;
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
    // A worker that never started ran nothing: its commands run on the page. One lost after it
    // started may have run (a mutation queued): said failed rather than done twice.
    for (const [id, one] of asked) {
      asked.delete(id);
      if (ready) one.reject(new Error('The data worker stopped.'));
      else runOnPage(one.name, one.args).then(one.resolve, one.reject);
    }
    if (working) void runOnPage('startDeviceWork', []);
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
