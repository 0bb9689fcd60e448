import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createImageGate, ImageGateFull } from '../../server/documents/image-gate.ts';

/**
 * An image waiting for its turn keeps its upload's bytes (up to 10 MB) in memory: the line must
 * be bounded too, or many uploads sent at once fill the memory the gate protects.
 */
describe('image gate line', () => {
  test('past its waiting limit, a new image is turned away at once; the ones in line still run', async () => {
    const gate = createImageGate({ maxConcurrent: 1, maxPixels: 100, maxWaiting: 2 });
    let release!: () => void;
    const first = gate.run(10, () => new Promise<string>((r) => (release = () => r('first'))));
    const inLine = [gate.run(10, async () => 'second'), gate.run(10, async () => 'third')];
    await assert.rejects(gate.run(10, async () => 'fourth'), ImageGateFull);
    assert.deepEqual(gate.stats, { active: 1, waiting: 2, pixels: 10 });
    release();
    assert.deepEqual(await Promise.all([first, ...inLine]), ['first', 'second', 'third']);
    assert.equal(await gate.run(10, async () => 'later'), 'later');
  });
});
