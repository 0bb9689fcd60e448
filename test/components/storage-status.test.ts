/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../../client/components/po-storage-status.ts';
import type { PoStorageStatus } from '../../client/components/po-storage-status.ts';
import type { StorageProbe } from '../../client/data/storage-estimate.ts';
import { loadLocale, localeStore } from '../../client/i18n/i18n.ts';
import { until } from '../helpers/until.ts';

/** French digit groups and units are separated by (narrow) no-break spaces: compared as plain spaces. */
const text = (el: PoStorageStatus, id: string) => el.shadowRoot!.getElementById(id)!.textContent!.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function render(storage: Partial<StorageProbe> | null) {
  const el = await fixture<PoStorageStatus>(html`<po-storage-status .storage=${storage}></po-storage-status>`);
  await until(() => !text(el, 'storage-usage').includes('mesure en cours') && !text(el, 'storage-usage').includes('measuring'));
  return el;
}

const probe = (persisted: boolean, usage: number, quota: number): StorageProbe => ({
  persisted: () => Promise.resolve(persisted),
  estimate: () => Promise.resolve({ usage, quota }),
});

describe('po-storage-status (/accessibilite: the data on this device)', () => {
  afterEach(() => localeStore.set({ locale: 'fr' }));

  it('persistent, and the space used of the quota, in French', async () => {
    const el = await render(probe(true, 2_400_000, 1_200_000_000));
    expect(text(el, 'storage-persisted')).to.equal('Conservation : durable — le navigateur ne les effacera pas pour faire de la place.');
    expect(text(el, 'storage-usage')).to.equal('Espace utilisé : 2,4 Mo sur 1,2 Go disponibles pour Portée (0,2 %)');
    await expect(el).to.be.accessible();
  });

  it('not persistent: says what the browser may do and what would be lost; in English', async () => {
    localeStore.set({ locale: 'en' });
    await loadLocale();
    const el = await render(probe(false, 512_000, 300_000_000_000));
    expect(text(el, 'storage-persisted')).to.equal(
      'Kept: not guaranteed — if the device runs out of space, the browser may delete it; it will be downloaded again at the next connection, but changes not yet sent would be lost.',
    );
    expect(text(el, 'storage-usage')).to.equal('Space used: 512 kB of 300 GB available to Portée (0%)');
  });

  it('"not known" when the browser has no storage API, or when it fails', async () => {
    let el = await render(null);
    expect(text(el, 'storage-persisted')).to.equal('Conservation : inconnu sur ce navigateur.');
    expect(text(el, 'storage-usage')).to.equal('Espace utilisé : inconnu sur ce navigateur.');
    el = await render({ persisted: () => Promise.reject(new Error('denied')), estimate: () => Promise.reject(new Error('denied')) });
    expect(text(el, 'storage-persisted')).to.equal('Conservation : inconnu sur ce navigateur.');
    expect(text(el, 'storage-usage')).to.equal('Espace utilisé : inconnu sur ce navigateur.');
    await expect(el).to.be.accessible();
  });

  it('the real browser: a figure is shown (Chromium has both APIs)', async () => {
    const el = await fixture<PoStorageStatus>(html`<po-storage-status></po-storage-status>`);
    await until(() => /\d/.test(text(el, 'storage-usage')));
    expect(text(el, 'storage-usage')).to.match(/^Espace utilisé : [\d,]+ (ko|Mo|Go) sur [\d,]+ (ko|Mo|Go) disponibles pour Portée/);
    expect(text(el, 'storage-persisted')).to.match(/^Conservation : (durable|non garantie)/);
  });
});
