/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { db, setMeta } from '../../client/data/db.ts';
import { NEXT_MUTATION_KEY } from '../../client/data/outbox-keys.ts';
import { enqueueMutation } from '../../client/data/outbox.ts';
import { isStorageFull } from '../../client/data/storage-full.ts';
import '../../client/family/pages/po-family-page.ts';
import type { PoFamilyPage } from '../../client/family/pages/po-family-page.ts';
import { until } from '../helpers/until.ts';

const FAMILY = {
  id: 'f1', version: 7, siteId: 's1', civility: 'Mme', lastName: 'Lefèvre', firstName: 'Claire', smsOptIn: false,
  address: '3 rue des Lilas', postalCode: '78200', city: 'Mantes-la-Jolie', phoneHome: '', phoneWork: '', mobile: '06 12 34 56 78', email: 'claire@exemple.fr',
};
const FULL = 'L’espace de stockage de cet appareil est plein : cette modification n’a pas été enregistrée.';

/**
 * The device's storage full, the two ways IndexedDB says so: the write itself throws a
 * QuotaExceededError (`sync`), or the request fails later and its transaction aborts (`async`,
 * how Chromium reports a quota met when a transaction commits). Every add and put fails while
 * armed; reads and deletes still work, as they do on a full disk.
 */
type Flavour = 'sync' | 'async';
const realAdd = IDBObjectStore.prototype.add;
const realPut = IDBObjectStore.prototype.put;
function fillTheDisk(flavour: Flavour) {
  const refuse = (real: typeof realAdd) =>
    function (this: IDBObjectStore, ...args: Parameters<typeof realAdd>) {
      const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (flavour === 'sync') throw quota;
      const request = real.apply(this, args);
      Object.defineProperty(request, 'error', { value: quota });
      this.transaction.abort();
      return request;
    };
  IDBObjectStore.prototype.add = refuse(realAdd);
  IDBObjectStore.prototype.put = refuse(realPut);
}
function freeTheDisk() {
  IDBObjectStore.prototype.add = realAdd;
  IDBObjectStore.prototype.put = realPut;
}

async function render() {
  const el = await fixture<PoFamilyPage>(html`<po-family-page></po-family-page>`);
  const root = el.shadowRoot!;
  await until(() => !!root.getElementById('postalCode'));
  const input = (name: string) => root.getElementById(name) as HTMLInputElement;
  const type = (name: string, value: string) => {
    input(name).value = value;
    input(name).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  const submit = () => (root.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
  const status = () => root.querySelector('p[role="status"]')!.textContent!.trim();
  return { el, root, input, type, submit, status };
}

const outbox = async () => (await db.outbox.orderBy('mutationId').toArray()).map((r) => ({ id: r.mutationId, values: (r.args as { values: unknown }).values }));

describe('storage full (IndexedDB refuses a write: quota)', () => {
  const realFetch = window.fetch;
  beforeEach(async () => {
    for (const table of db.tables) await table.clear();
    await setMeta('cursor', 1);
    await db.families.put(FAMILY as never);
    // Offline: what is queued stays queued, so the test sees the queue as the device keeps it.
    window.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
  });
  afterEach(() => {
    freeTheDisk();
    window.fetch = realFetch;
  });

  for (const flavour of ['sync', 'async'] as const) {
    it(`the form says the device is full, keeps what was typed; the queue keeps its edits and the failed one left nothing (${flavour})`, async () => {
      const { el, root, input, type, submit, status } = await render();
      type('city', 'Limay');
      submit();
      await until(() => status().includes('en attente d’envoi'));
      expect(await outbox()).to.deep.equal([{ id: 1, values: { city: 'Limay' } }]);

      fillTheDisk(flavour);
      type('postalCode', '78711');
      submit();
      await until(() => !!root.getElementById('error-summary'));
      const summary = root.getElementById('error-summary')!;
      expect(summary.textContent).to.contain(FULL);
      expect(summary.textContent).to.contain('Ce qui attendait déjà d’être envoyé est conservé.');
      expect(summary.getAttribute('role')).to.equal('alert');
      await until(() => root.activeElement === summary);
      expect(input('postalCode').value).to.equal('78711', 'what was typed is kept');
      freeTheDisk();

      // The queued edit is intact, and the refused one wrote neither its row nor the counter.
      expect(await outbox()).to.deep.equal([{ id: 1, values: { city: 'Limay' } }]);
      expect((await db.meta.get(NEXT_MUTATION_KEY))?.value).to.equal(2);
      await expect(el).to.be.accessible();

      // Space freed: the same submit is queued next, with the next id (no gap, nothing doubled).
      submit();
      await until(() => (root.getElementById('error-summary') === null && status().includes('en attente d’envoi')));
      expect(await outbox()).to.deep.equal([
        { id: 1, values: { city: 'Limay' } },
        { id: 2, values: { postalCode: '78711' } },
      ]);
    });
  }

  it('the command’s error is recognised through Dexie’s wrapping; a different failure is not taken for a full disk', async () => {
    await enqueueMutation('identity.change', { n: 1 });
    fillTheDisk('async');
    const error = await enqueueMutation('identity.change', { n: 2 }).then(() => null, (e: unknown) => e);
    freeTheDisk();
    expect(error, 'the write failed').to.not.equal(null);
    expect(isStorageFull(error)).to.equal(true);
    expect(await db.outbox.count()).to.equal(1);
    expect(isStorageFull(new DOMException('x', 'AbortError'))).to.equal(false);
    expect(isStorageFull(new TypeError('Failed to fetch'))).to.equal(false);
    expect(isStorageFull({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).to.equal(true);
  });
});
