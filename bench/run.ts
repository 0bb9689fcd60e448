// Runs every benchmark (bench/*.bench.ts, in name order) and prints their figures. Not a test:
// nothing passes or fails here; budgets are printed beside the figures.
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const files = readdirSync('bench').filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
for (const file of files) {
  const mod = (await import(`./${file}`)) as { run: () => Promise<void>; title: string };
  console.log(`\n## ${mod.title}`);
  try {
    await mod.run();
  } catch (error) {
    // One benchmark failing must not hide the others' figures.
    console.log(`(failed: ${(error as Error).message.split('\n')[0]})`);
  }
}
