// npm run soak:sync [-- --seeds 20 --from 1000 --steps 200 --restarts 2 --devices 8]: the sync
// under faults for longer than CI runs it (issue 17, item 1; test/server/sync-faults.test.ts runs
// three seeds). The seeds run one after the other on one server and one set of devices, as in
// the test; a failing seed stops the soak and prints the command that replays it. --from defaults
// to a new number each run, printed first, so a soak covers new seeds every time.
import { FAULT_KINDS } from '../test/helpers/fault-proxy.ts';
import { describe, describeRoutes, replayCommand, runSeed, startWorld, type SimReport } from '../test/helpers/sim-client-run.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`sync-soak: --${name} takes a whole number`);
    process.exit(64);
  }
  return value;
}

const seeds = option('seeds', 20);
const from = option('from', Math.floor(Math.random() * 1_000_000));
const steps = option('steps', 200);
const restarts = option('restarts', 2);
const devices = option('devices', 8);

console.log(`sync soak: seeds ${from}..${from + seeds - 1}, ${steps} steps each, ${restarts} server restarts per seed, ${devices} devices`);
const started = Date.now();
const world = await startWorld({ devices, log: (line) => console.log(line) });
const reports: SimReport[] = [];
let failed = false;
try {
  for (let seed = from; seed < from + seeds; seed++) {
    try {
      const report = await runSeed(world, { seed, steps, restarts });
      reports.push(report);
      console.log(describe(report));
    } catch (error) {
      failed = true;
      console.error(`\nseed ${seed} failed (after ${reports.length} seeds on the same devices):`, error);
      console.error(`Replay it with:\n  ${replayCommand(seed, { steps, restarts })}`);
      break;
    }
  }
} finally {
  await world.close();
}

const sum = (f: (r: SimReport) => number) => reports.reduce((n, r) => n + f(r), 0);
const faults = FAULT_KINDS.map((k) => `${k} ${sum((r) => r.faults[k])}`).join(', ');
const byRoute: SimReport['faultsByRoute'] = {};
for (const r of reports) {
  for (const [route, tally] of Object.entries(r.faultsByRoute)) {
    const total = (byRoute[route] ??= {});
    for (const [kind, n] of Object.entries(tally) as Array<[keyof typeof tally, number]>) total[kind] = (total[kind] ?? 0) + n;
  }
}
console.log(
  `\n${reports.length} seeds passed in ${Math.round((Date.now() - started) / 1000)} s: ${sum((r) => r.mutations.identity)} identity edits, ` +
    `${sum((r) => r.mutations.rollCall)} roll calls, ${sum((r) => r.mutations.note)} notes, ${sum((r) => r.mutations.upload)} uploads, ` +
    `${sum((r) => r.mutations.decisions)} decisions (${sum((r) => r.mutations.queuedOffline)} made offline); faults: ${faults}; ` +
    `${sum((r) => r.faults.passed)} requests untouched; kills during a push: ${sum((r) => r.killsLanded.none)} before its commit, ` +
    `${sum((r) => r.killsLanded.part)} between its transactions, ${sum((r) => r.killsLanded.all)} after`,
);
console.log(describeRoutes(byRoute));
process.exit(failed ? 1 : 0);
