import { forgetFeedLink, keepFeedLink } from '../calendar/data/feed-link-store.ts';
import { deviceOwner, deviceSyncState, networkBack, setDeviceOwner, startDeviceWork, stopDeviceWork, wipeDevice } from './device-work.ts';
import { discardUpload, queueUpload, sendPendingUploads } from './document-queue.ts';
import { queueWatchedMutation, sendAndAnswer } from './mutation-submit.ts';
import { dismissRejection } from './outbox.ts';

/**
 * Every write to the local database and every piece of background work, by name: what the
 * areas' command modules ask for with `runCommand` (client/data/command-client.ts), run in the
 * data worker (client/data/pull-worker.ts), or on the page where there is none. So the page
 * never loads the database (docs/performance.md). Like a query's, a command's arguments and
 * result cross a MessagePort: plain data, Blobs, no functions; what it does to the page (the
 * status, a pull to make, an upload's progress, a session that ended) comes back as events.
 */
export const namedCommands = {
  queueWatchedMutation, sendAndAnswer, dismissRejection,
  queueUpload, sendPendingUploads, discardUpload,
  keepFeedLink, forgetFeedLink,
  deviceOwner, setDeviceOwner,
  startDeviceWork, stopDeviceWork, networkBack, deviceSyncState, wipeDevice,
};

type NamedCommands = typeof namedCommands;
export type CommandName = keyof NamedCommands;
export type CommandArgs<N extends CommandName> = Parameters<NamedCommands[N]>;
export type CommandResult<N extends CommandName> = Awaited<ReturnType<NamedCommands[N]>>;
