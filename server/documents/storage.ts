import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Where document bytes live. Keys are made here (random UUIDs), never from anything a client
 * sent, so no file name can steer a write or a read. Another backend (S3, a libSQL blob table)
 * only has to implement these three methods.
 */
export interface Storage {
  /** Stores the bytes and answers their new key. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes of a key, or null when there are none (never stored, or deleted). */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Local disk under `dir` (UPLOAD_DIR, by default data/uploads: outside the built client, which is
 * the only folder served as static files). Files are written to a temporary name then renamed,
 * so a crash never leaves half a document under a real key; they are readable by the server only.
 */
export function createDiskStorage(dir: string): Storage {
  const root = resolve(dir);
  const pathOf = (key: string) => (KEY_PATTERN.test(key) ? join(root, key.slice(0, 2), key) : null);
  return {
    async put(bytes) {
      const key = crypto.randomUUID();
      const path = pathOf(key)!;
      await mkdir(join(root, key.slice(0, 2)), { recursive: true, mode: 0o700 });
      const tmp = `${path}.part`;
      await writeFile(tmp, bytes, { mode: 0o600, flag: 'wx' });
      await rename(tmp, path);
      return key;
    },
    async get(key) {
      const path = pathOf(key);
      if (!path) return null;
      try {
        return new Uint8Array(await readFile(path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      const path = pathOf(key);
      if (path) await rm(path, { force: true });
    },
  };
}

const byDir = new Map<string, Storage>();

/** The storage of an UPLOAD_DIR, made once per directory (the app and its tests share it). */
export function storageFor(env: { UPLOAD_DIR: string }): Storage {
  const dir = resolve(env.UPLOAD_DIR);
  let storage = byDir.get(dir);
  if (!storage) byDir.set(dir, (storage = createDiskStorage(dir)));
  return storage;
}
