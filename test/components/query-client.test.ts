/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { db } from '../../client/data/db.ts';
import { watchNamedQuery } from '../../client/data/query-client.ts';
import { applyPull } from '../../client/data/pull-apply.ts';
import { until } from '../helpers/until.ts';

/**
 * The named queries' contract, on the page (the component tests' server bundles no worker): what
 * the data worker's port would refuse is refused here too, and a pull that changes nothing the
 * query read sends nothing.
 */
describe('watchNamedQuery', () => {
  beforeEach(async () => {
    for (const table of db.tables) await table.clear();
  });

  it('arguments that cannot cross to the worker (a function) are an error, not a query run on the page', async () => {
    let error: string | undefined;
    let value: unknown = 'none';
    const stop = watchNamedQuery('homeTodo', [async () => null], { value: (v) => (value = v), error: (m) => (error = m) });
    await until(() => error !== undefined);
    expect(error).to.match(/DataCloneError|could not be cloned/);
    expect(value).to.equal('none');
    stop();
  });

  it('answers undefined before the first pull, then the rows, and nothing more for a pull that changes nothing', async () => {
    const values: unknown[] = [];
    const stop = watchNamedQuery('studentsByFirstName', [], { value: (v) => values.push(v), error: (m) => expect.fail(m) });
    await until(() => values.length === 1);
    expect(values[0]).to.equal(undefined);
    await applyPull({ cursor: 3, snapshot: true, changes: { students: [{ id: 's1', firstName: 'Lucie', lastName: 'Test', familyId: 'f1', version: 1 } as never] }, deleted: {} });
    await until(() => values.length === 2);
    const rows = values[1] as Array<{ firstName: string }>;
    expect(rows.map((s) => s.firstName)).to.deep.equal(['Lucie']);
    await applyPull({ cursor: 8, snapshot: false, changes: {}, deleted: {} });
    await new Promise((r) => setTimeout(r, 300));
    expect(values).to.have.length(2);
    stop();
  });
});
