// Component tests: each element rendered in real Chromium, with axe checks and real key presses.
import { existsSync, readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { screenReaderTranscripts } from './a11y/screen-reader-transcripts.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(`Chromium not found at ${executablePath}. Install it (\`sudo apt-get install -y chromium\`) or set CHROME_PATH.`);
}

export default {
  files: 'test/components/**/*.test.ts',
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // The app loads the French messages of its screens with the first page that needs them
  // (client/app/po-app.ts); a component rendered alone gets them all before its test starts.
  testRunnerHtml: (testFramework) => `<html><body><script type="module">
    const messages = await import('/client/i18n/messages-fr.ts');
    await messages.loadAreaMessages();
    await import('${testFramework}');
  </script></body></html>`,
  plugins: [
    // esbuild reads compilerOptions but not `extends`: point it at the file that holds decorators' options.
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' }),
    // Dexie's "import" entry wraps its UMD build, which only bundlers can read: use its real ESM build.
    { name: 'dexie-esm', resolveImport: ({ source }) => (source === 'dexie' ? '/node_modules/dexie/dist/dexie.mjs' : undefined) },
    // The files the app serves from client/public at the root and starts itself (the ICU worker
    // the sign-in's submit and the shell start: client/i18n/warm-formatters.ts).
    {
      name: 'public-files',
      serve: ({ path }) => (path === '/intl-warm.js' ? { body: readFileSync('client/public/intl-warm.js', 'utf8'), type: 'js' } : undefined),
    },
    // The screen-reader tests' transcripts, written to a11y/report/screen-readers/ (the browser cannot write files).
    screenReaderTranscripts(),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      },
    }),
  ],
};
