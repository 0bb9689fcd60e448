// Runs every benchmark (bench/*.bench.ts, in name order) and prints their figures. Not a test:
// nothing passes or fails here; budgets are printed beside the figures.
import { readdirSync } from 'node:fs';
import { machineBusy } from './machine-busy.ts';
import { setMachineBusy } from './report.ts';

const only = process.argv[2];
const files = readdirSync('bench').filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
for (const file of files) {
  const mod = (await import(`./${file}`)) as { run: () => Promise<void>; title: string };
  console.log(`\n## ${mod.title}`);
  const busy = await machineBusy();
  setMachineBusy(busy);
  if (busy !== null) {
    const share = Math.round(busy * 100);
    // Over a tenth busy before it starts, something else is running: its figures measure that too.
    console.log(`# the machine's cores were ${share} % busy over the 2 s before this benchmark${share > 10 ? ' — something else is running; compare its figures with care' : ''}`);
  }
  try {
    await mod.run();
  } catch (error) {
    // One benchmark failing must not hide the others' figures.
    console.log(`(failed: ${(error as Error).message.split('\n')[0]})`);
  }
}
