import { test as base } from '@playwright/test';
import { startServer, type RunningServer } from './server-process.ts';

/**
 * `server`: one real server per test file (worker-scoped), fresh database with the demo data.
 * A file that needs other settings calls `test.use({ serverEnv: { … } })`.
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
