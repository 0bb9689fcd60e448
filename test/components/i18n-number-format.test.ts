/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { formatNumber, localeStore } from '../../client/i18n/i18n.ts';
import { formatFileSize } from '../../client/documents/components/po-document-list.ts';

// Numbers' formatters are kept per language and options, as the dates' are: a kept one must never
// answer in the language of the screen that built it.
describe('numbers in the screen’s language', () => {
  afterEach(() => localeStore.set({ locale: 'fr' }));

  it('the same options give French, then English, then French again', () => {
    const percent = { style: 'percent', maximumFractionDigits: 1 } as const;
    const french = formatNumber(0.969, percent);
    expect(french.replace(/\s/g, ' ')).to.equal('96,9 %');
    localeStore.set({ locale: 'en' });
    expect(formatNumber(0.969, percent)).to.equal('96.9%');
    localeStore.set({ locale: 'fr' });
    expect(formatNumber(0.969, percent)).to.equal(french);
  });

  it('different options are different formatters', () => {
    expect(formatNumber(0.5, { style: 'percent' }).replace(/\s/g, ' ')).to.equal('50 %');
    expect(formatNumber(0.5, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).replace(/\s/g, ' ')).to.equal('0,5 ko');
  });

  it('file sizes in kilo- and megabytes, in both languages', () => {
    expect(formatFileSize(98_816).replace(/\s/g, ' ')).to.equal('96,5 ko');
    expect(formatFileSize(2.4 * 1024 * 1024).replace(/\s/g, ' ')).to.equal('2,4 Mo');
    localeStore.set({ locale: 'en' });
    expect(formatFileSize(98_816)).to.equal('96.5 kB');
    expect(formatFileSize(2.4 * 1024 * 1024)).to.equal('2.4 MB');
  });
});
