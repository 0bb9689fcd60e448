import { test as base } from '@playwright/test';
import { startServer, type RunningServer } from './server-process.ts';

/**
 * `server`: one real server per worker (fresh database with the demo data). Playwright reuses a
 * worker for every file with the same settings, so those files share one database: a file that
 * needs the demo data untouched by another file, or other settings, calls
 * `test.use({ serverEnv: { … } })`, which gives it a server of its own.
 */
// Playwright's own spelling for "no test-scoped fixtures" (only worker-scoped ones).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export const test = base.extend<{}, { server: RunningServer; serverEnv: Record<string, string> }>({
  serverEnv: [{}, { scope: 'worker', option: true }],
  server: [
    async ({ serverEnv }, use) => {
      const server = await startServer(serverEnv);
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
