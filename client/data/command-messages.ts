import type { SyncStatus } from './sync-status.ts';
import type { CommandArgs, CommandName } from './named-commands.ts';
import type { UploadEventDetail } from './upload-events.ts';

/** The page asks the data worker, over the commands' port, to run a named command. */
export interface CommandAsk {
  id: number;
  name: CommandName;
  args: CommandArgs<CommandName>;
}

/** A command's failure as data (an Error does not cross a port with its class). */
export interface CommandFailure {
  name: string;
  message: string;
}

/**
 * What comes back: a command has started (if the worker is lost after this, it may have run), its
 * result or failure, and what the data side did that the page must hear
 * (client/data/command-host.ts).
 */
export type CommandAnswer =
  | { kind: 'started'; id: number }
  | { kind: 'done'; id: number; value: unknown }
  | { kind: 'failed'; id: number; error: CommandFailure }
  | { kind: 'status'; patch: Partial<SyncStatus> }
  | { kind: 'expired' }
  | { kind: 'pull' }
  | { kind: 'upload'; detail: UploadEventDetail };
