// What the screen-reader tests heard, published in the accessibility report (issue 16).
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import process from 'node:process';

/** The command test/components/screen-reader.ts sends after each test that started the reader. */
export const TRANSCRIPT_COMMAND = 'a11y-transcript';

/** A journey's file name: its title without accents, lower case, words joined by hyphens. */
const slug = (title) =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * A web-test-runner plugin: the screen-reader tests run in the browser, which cannot write files,
 * so each test's spoken phrases come here through `executeServerCommand` and are written to
 * `<dir>/<journey>.txt`, one section per test in the order they ran. A journey's file is rewritten
 * the first time this run hears of it, so a targeted run (one test file) updates only its own
 * journeys and leaves the others as they were last measured, as the audit's report does.
 *
 * Payload: `{ journey, test, state, phrases }` (the top-level describe's title, the test's, mocha's
 * 'passed' / 'failed', what the reader said, live regions included, in order).
 *
 * @param {string} dir
 */
export function screenReaderTranscripts(dir = 'a11y/report/screen-readers') {
  const started = new Set();
  return {
    name: 'a11y-screen-reader-transcripts',
    /** @param {{ command: string, payload: any, session: { testFile: string } }} args */
    executeCommand({ command, payload, session }) {
      if (command !== TRANSCRIPT_COMMAND) return undefined;
      const { journey, test, state, phrases } = payload;
      if (typeof journey !== 'string' || typeof test !== 'string' || !Array.isArray(phrases)) {
        throw new Error(`${TRANSCRIPT_COMMAND}: expected { journey, test, state, phrases }`);
      }
      mkdirSync(dir, { recursive: true });
      const file = `${dir}/${slug(journey)}.txt`;
      const section = [`## ${test} — ${state === 'passed' ? 'réussi' : state === 'failed' ? 'échoué' : state}`, '', ...phrases, '', ''].join('\n');
      if (started.has(file)) {
        appendFileSync(file, section);
      } else {
        started.add(file);
        const header = [
          `# Lecteur d’écran — ${journey}`,
          '',
          `Ce que dit @guidepup/virtual-screen-reader, phrase par phrase, dans ${relative(process.cwd(), session.testFile)}`,
          `(« polite: » et « assertive: » : les annonces des régions live). Mesuré le ${new Date().toISOString()}.`,
          '',
          '',
        ].join('\n');
        writeFileSync(file, header + section);
      }
      return true;
    },
  };
}
