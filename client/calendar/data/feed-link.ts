import { answer, apiClient } from '../../api/http.ts';
import { runCommand } from '../../data/command-client.ts';
import type { StoredFeedLink } from './feed-link-store.ts';

/**
 * The personal calendar feed's link (docs/calendar.md). The server keeps only the token's hash,
 * so it can give the URL only when it makes it: this device keeps it (feed-link-store.ts) to
 * show it again; another device shows that a link exists and offers a new one. Creating and
 * revoking are online (OfflineError / HttpError thrown).
 */

export type { StoredFeedLink };

/** Whether the account has a live link, on the server (online). */
export async function fetchFeedStatus(): Promise<{ active: boolean; createdAt: string | null }> {
  return answer(apiClient.calendar.feed.$get());
}

/** A new link (the one before it stops answering), kept on this device. */
export async function createFeedLink(): Promise<StoredFeedLink> {
  const made = await answer(apiClient.calendar.feed.$post());
  const link = { url: new URL(made.path, location.origin).href, createdAt: made.createdAt };
  await runCommand('keepFeedLink', link);
  return link;
}

/** Revokes the account's link: its URL answers 404 from now on, and this device forgets it. */
export async function revokeFeedLink(): Promise<void> {
  await answer(apiClient.calendar.feed.$delete());
  await runCommand('forgetFeedLink');
}
