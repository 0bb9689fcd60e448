import type { Tx } from '../client.ts';

/**
 * What every part of the demo seed shares: the open transaction, the one version stamped on every
 * row, and the ids handed out so far, looked up by readable keys ("course:0:fm-1c3").
 */
export interface SeedContext {
  tx: Tx;
  version: number;
  now: Date;
  /** First calendar year of the current school year (2026 for "2026/2027"). */
  startYear: number;
  ids: Map<string, string>;
}

/** 0 is the current school year, -1 the one before, and so on. */
export type YearOffset = 0 | -1 | -2 | -3;
export const YEAR_OFFSETS: readonly YearOffset[] = [0, -1, -2, -3];

export function newId(ctx: SeedContext, key: string): string {
  if (ctx.ids.has(key)) throw new Error(`demo seed: duplicate key ${key}`);
  const id = crypto.randomUUID();
  ctx.ids.set(key, id);
  return id;
}

export function idOf(ctx: SeedContext, key: string): string {
  const id = ctx.ids.get(key);
  if (!id) throw new Error(`demo seed: unknown key ${key}`);
  return id;
}

export function schoolYearAt(ctx: SeedContext, offset: YearOffset): string {
  const start = ctx.startYear + offset;
  return `${start}/${start + 1}`;
}

/**
 * A day of a school year written "MM-DD": September to December fall in the first calendar year,
 * January to August in the second, so the same data lands right whatever the current year is.
 */
export function schoolDate(ctx: SeedContext, offset: YearOffset, day: string): string {
  const month = Number(day.slice(0, 2));
  const year = ctx.startYear + offset + (month >= 9 ? 0 : 1);
  return `${year}-${day}`;
}

/** A birth date `age` years before the current school year starts (age reached that calendar year). */
export function birthDate(ctx: SeedContext, age: number, day: string): string {
  return `${ctx.startYear - age}-${day}`;
}

const MONTHS_FR = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

/** "2025-12-13" → "décembre 2025", for event labels such as "Audition … — décembre 2025". */
export function monthYearFr(isoDate: string): string {
  return `${MONTHS_FR[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;
}
