import { sessionExpired } from '../api/http.ts';
import { failureOf } from './command-failure.ts';
import type { CommandAnswer, CommandAsk } from './command-messages.ts';
import { namedCommands } from './named-commands.ts';
import { pullRequests } from './pull-request.ts';
import type { SyncStatus } from './sync-status.ts';
import { syncStatus } from './sync-status.ts';
import { uploadEvents, type UploadEventDetail } from './upload-events.ts';

/**
 * The data worker's side of the commands' port: each command runs here and its result or failure
 * goes back. What the data side does that the page must hear is passed on as it happens: the
 * status's changes (online, the count of waiting changes), a session that ended (a 401), a pull
 * to make after a push, and each upload's progress and answer.
 */
export function serveCommands(port: MessagePort) {
  const tell = (message: CommandAnswer) => port.postMessage(message);
  syncStatus.addEventListener('change', (event) => tell({ kind: 'status', patch: (event as CustomEvent<Partial<SyncStatus>>).detail }));
  sessionExpired.addEventListener('expired', () => tell({ kind: 'expired' }));
  pullRequests.addEventListener('pull', () => tell({ kind: 'pull' }));
  uploadEvents.addEventListener('upload', (event) => tell({ kind: 'upload', detail: (event as CustomEvent<UploadEventDetail>).detail }));
  port.onmessage = ({ data: { id, name, args } }: MessageEvent<CommandAsk>) => {
    // Only the registry's own names (not `constructor` or `toString`).
    if (!Object.hasOwn(namedCommands, name)) {
      tell({ kind: 'failed', id, error: { name: 'TypeError', message: `Unknown command: ${String(name)}` } });
      return;
    }
    const command = namedCommands[name] as (...a: unknown[]) => unknown;
    tell({ kind: 'started', id });
    void (async () => {
      try {
        const value = await command(...args);
        try {
          tell({ kind: 'done', id, value });
        } catch (error) {
          tell({ kind: 'failed', id, error: failureOf(error) });
        }
      } catch (error) {
        tell({ kind: 'failed', id, error: failureOf(error) });
      }
    })();
  };
}
