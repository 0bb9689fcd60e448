import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parisDay } from '../../shared/reenrolment-progress.ts';

const intlParisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

test('the Paris day computed from the summer-time rule is the one Intl gives for Europe/Paris, every half hour from 2000 to 2040', () => {
  const mismatches: string[] = [];
  for (let at = Date.UTC(2000, 0, 1); at < Date.UTC(2040, 0, 1); at += 30 * 60_000) {
    const date = new Date(at);
    if (parisDay(date) !== intlParisDay.format(date)) mismatches.push(date.toISOString());
  }
  assert.deepEqual(mismatches.slice(0, 5), []);
});

test('around the changes of clock and the new year', () => {
  // 2026-03-29 01:00 UTC: summer time starts; 22:30 UTC the day before is still 23:30 in Paris.
  assert.equal(parisDay(new Date('2026-03-28T22:30:00Z')), '2026-03-28');
  assert.equal(parisDay(new Date('2026-03-28T23:30:00Z')), '2026-03-29');
  // In summer, 22:30 UTC is already the next day in Paris.
  assert.equal(parisDay(new Date('2026-07-14T21:59:00Z')), '2026-07-14');
  assert.equal(parisDay(new Date('2026-07-14T22:00:00Z')), '2026-07-15');
  // 2026-10-25 01:00 UTC: back to winter time.
  assert.equal(parisDay(new Date('2026-10-25T22:59:00Z')), '2026-10-25');
  assert.equal(parisDay(new Date('2026-10-25T23:00:00Z')), '2026-10-26');
  assert.equal(parisDay(new Date('2026-12-31T23:00:00Z')), '2027-01-01');
  assert.equal(parisDay(new Date('2026-12-31T22:59:59Z')), '2026-12-31');
});
