import { db, getMeta } from '../../data/db.ts';

/**
 * This device's copy of the personal calendar feed's link (client/calendar/data/feed-link.ts):
 * the server keeps only the token's hash, so the URL it answered once is kept here (Dexie's
 * meta, wiped at sign-out with everything else) to show it again. Runs where the data lives: a
 * screen's query reads it, a command writes it.
 */

const FEED_KEY = 'calendarFeedLink';

export interface StoredFeedLink {
  url: string;
  createdAt: string;
}

/** The link made on this device, if any (a live query reads it). */
export async function storedFeedLink(): Promise<StoredFeedLink | null> {
  return (await getMeta<StoredFeedLink>(FEED_KEY)) ?? null;
}

export async function keepFeedLink(link: StoredFeedLink): Promise<void> {
  await db.meta.put({ key: FEED_KEY, value: link });
}

export async function forgetFeedLink(): Promise<void> {
  await db.meta.delete(FEED_KEY);
}
