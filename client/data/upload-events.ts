import type { DocumentView } from '../../shared/document-rules.ts';
import type { IssueCode } from '../../shared/validation-messages.ts';

export type UploadEventDetail =
  | { type: 'progress'; id: number; loaded: number; total: number }
  | { type: 'sent'; id: number; document: DocumentView }
  | { type: 'failed'; id: number; message: string; code?: IssueCode };

/**
 * What happens to queued uploads (progress, sent, refused), for the form that started them. Apart
 * from the queue, which runs where the data lives: the page listens here without loading it, and
 * the data worker's events are dispatched here again (client/data/command-client.ts).
 */
export const uploadEvents = new EventTarget();

export function emitUploadEvent(detail: UploadEventDetail) {
  uploadEvents.dispatchEvent(new CustomEvent<UploadEventDetail>('upload', { detail }));
}
