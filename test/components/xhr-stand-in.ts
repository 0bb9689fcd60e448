/**
 * What the upload queue uses of XMLHttpRequest (client/data/document-queue.ts), for a test's own
 * stand-in: the test's subclass says what `send` does, then sets `status` and `responseText` and
 * calls `onload` (or `onerror`, as a network failure). `abort()` calls `onabort`, as a browser's does.
 */
export abstract class XhrStandIn {
  upload: { onprogress: ((e: ProgressEvent) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  onprogress: ((e: ProgressEvent) => void) | null = null;
  aborted = false;
  status = 0;
  responseText = '';
  open() {}
  setRequestHeader() {}
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  abstract send(form: FormData): void;
}
