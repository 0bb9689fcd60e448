// A benchmark's figures, printed as "figure / budget / verdict" and kept as JSON in
// bench/results/<name>.json, so that a run leaves a record another run (or a reader) can compare.
// Benchmarks are not tests: a figure over its budget is reported, never thrown.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fmt } from './load.ts';

/** At most `max`, or at least `min` (a throughput, a ratio). Absent: a figure without a budget. */
export interface Budget {
  max?: number;
  min?: number;
}

export type Verdict = 'within' | 'OVER' | 'UNDER' | 'no budget';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  budget?: Budget;
  verdict: Verdict;
  /** How it was measured (runs, percentile, over HTTP or in-process…): said beside the figure. */
  note?: string;
}

export function verdict(value: number, budget?: Budget): Verdict {
  if (!budget || (budget.max === undefined && budget.min === undefined)) return 'no budget';
  if (budget.max !== undefined && !(value <= budget.max)) return 'OVER';
  if (budget.min !== undefined && !(value >= budget.min)) return 'UNDER';
  return 'within';
}

const budgetText = (b: Budget | undefined, unit: string) =>
  b?.max !== undefined ? `≤ ${fmt(b.max, 0)} ${unit}` : b?.min !== undefined ? `≥ ${fmt(b.min, 0)} ${unit}` : '—';

let busyBefore: number | null = null;

/** How busy the machine was just before the benchmark (bench/machine-busy.ts), kept with its figures. */
export function setMachineBusy(share: number | null) {
  busyBefore = share;
}

/** The share set above, for a benchmark that writes its own JSON (Lighthouse's). */
export const machineBusyBefore = () => busyBefore;

export class Report {
  readonly figures: Figure[] = [];
  private readonly context: Record<string, unknown> = {};

  /** `name` names the JSON file: bench/results/<name>.json. */
  constructor(readonly name: string) {}

  /** Records one figure and prints its line: name, figure, budget, verdict, note. */
  figure(name: string, value: number, unit: string, budget?: Budget, note?: string): Figure {
    const f: Figure = { name, value, unit, budget, verdict: verdict(value, budget), note };
    this.figures.push(f);
    const digits = Math.abs(value) >= 100 ? 0 : 1;
    console.log(`${name.padEnd(38)} ${`${fmt(value, digits)} ${unit}`.padStart(14)}   budget ${budgetText(budget, unit).padEnd(12)} ${f.verdict.padEnd(9)}${note ? `  (${note})` : ''}`);
    return f;
  }

  /** Facts about the run kept in the JSON beside the figures (machine, data size, rounds…). */
  note(key: string, value: unknown) {
    this.context[key] = value;
  }

  /** Writes bench/results/<name>.json (or `dir`); returns its path. */
  write(dir = 'bench/results'): string {
    mkdirSync(dir, { recursive: true });
    const path = `${dir}/${this.name}.json`;
    const machine = { node: process.version, platform: process.platform, arch: process.arch, cores: availableParallelism(), cpu: cpus()[0]?.model ?? null, busyBefore };
    writeFileSync(path, JSON.stringify({ bench: this.name, at: new Date().toISOString(), machine, context: this.context, figures: this.figures }, null, 2) + '\n');
    console.log(`figures written to ${path}`);
    return path;
  }
}
