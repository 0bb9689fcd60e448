/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { PullResponse } from '../../shared/sync-protocol.ts';
import { db, getMeta } from '../../client/data/db.ts';
import { LiveQueryController } from '../../client/data/live-query-controller.ts';
import { applyPull } from '../../client/data/pull-apply.ts';
import { until } from '../helpers/until.ts';

const student = (id: string, firstName: string) => ({ id, firstName, lastName: 'Test', familyId: 'f1', version: 1 });

@customElement('test-student-count')
class TestStudentCount extends LitElement {
  readonly students = new LiveQueryController(this, 'studentsByFirstName', () => []);
  get names() {
    return this.students.value?.map((s) => s.firstName);
  }
  override render() {
    return html`<p>${(this.names ?? []).join(', ')}</p>`;
  }
}

@customElement('test-render-count')
class TestRenderCount extends LitElement {
  renders = 0;
  readonly billing = new LiveQueryController(this, 'familyBilling', () => []);
  override render() {
    this.renders++;
    return html`<p>${this.billing.value?.invoices.map((i) => i.number).join(', ') ?? ''}</p>`;
  }
}

const pull = (p: Partial<PullResponse>): PullResponse => ({ cursor: 1, snapshot: false, changes: {}, deleted: {}, ...p });

describe('applyPull', () => {
  beforeEach(async () => {
    for (const table of db.tables) await table.clear();
  });

  it('a snapshot replaces what the device had; the cursor is stored with it', async () => {
    await db.students.put(student('old', 'Ancien') as never);
    await applyPull(pull({ cursor: 7, snapshot: true, changes: { students: [student('a', 'Lucie'), student('b', 'Hugo')] } }));
    expect((await db.students.toArray()).map((s) => s.id).sort()).to.deep.equal(['a', 'b']);
    expect(await getMeta('cursor')).to.equal(7);
  });

  it('an incremental pull merges changes and applies tombstones', async () => {
    await applyPull(pull({ cursor: 3, snapshot: true, changes: { students: [student('a', 'Lucie'), student('b', 'Hugo')] } }));
    await applyPull(pull({ cursor: 5, changes: { students: [{ ...student('a', 'Lucie-Anne'), version: 5 }] }, deleted: { students: ['b'] } }));
    const rows = await db.students.toArray();
    expect(rows.map((s) => s.firstName)).to.deep.equal(['Lucie-Anne']);
    expect(await getMeta('cursor')).to.equal(5);
  });

  it('an open element reading a live query re-renders when a pull lands', async () => {
    const el = await fixture<TestStudentCount>(html`<test-student-count></test-student-count>`);
    // Before the device's first pull the query is not run: an empty database is not the data.
    await new Promise((r) => setTimeout(r, 100));
    expect(el.names).to.equal(undefined);
    await db.students.put(student('early', 'Avant') as never);
    await new Promise((r) => setTimeout(r, 100));
    expect(el.names).to.equal(undefined);
    await applyPull(pull({ cursor: 2, changes: { students: [student('c', 'Manon')] } }));
    await until(() => el.shadowRoot!.textContent!.includes('Manon'));
    expect(el.names).to.deep.equal(['Avant', 'Manon']);
  });

  it('a pull that changes nothing the query read renders nothing again (another family\'s write moves the cursor)', async () => {
    const el = await fixture<TestRenderCount>(html`<test-render-count></test-render-count>`);
    await applyPull(pull({ cursor: 4, snapshot: true, changes: { students: [student('a', 'Lucie')] } }));
    await until(() => el.billing.value !== undefined);
    await new Promise((r) => setTimeout(r, 200));
    const renders = el.renders;
    const value = el.billing.value;
    await applyPull(pull({ cursor: 9 }));
    await applyPull(pull({ cursor: 10 }));
    await new Promise((r) => setTimeout(r, 300));
    expect(el.renders).to.equal(renders);
    expect(el.billing.value).to.equal(value);
    // A change it reads still reaches it.
    await applyPull(pull({ cursor: 11, changes: { invoices: [{ id: 'i1', schoolYear: '2026-2027', number: 'F1', version: 11 } as never] } }));
    await until(() => el.shadowRoot!.textContent!.includes('F1'));
    expect(el.billing.value?.invoices.map((i) => i.number)).to.deep.equal(['F1']);
  });
});
