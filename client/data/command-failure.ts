import type { CommandFailure } from './command-messages.ts';
import { isStorageFull } from './storage-full.ts';

/**
 * A command's error as it crosses the port, and back. Only its name and message survive; a full
 * device's storage, whatever wrapper Dexie put around it, keeps the name the forms look for
 * (client/data/storage-full.ts), so "the device is full" is said the same from the worker.
 */
export function failureOf(error: unknown): CommandFailure {
  if (isStorageFull(error)) return { name: 'QuotaExceededError', message: error instanceof Error ? error.message : String(error) };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function errorOf(failure: CommandFailure): Error {
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}
