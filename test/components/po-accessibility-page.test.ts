/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { RGAA_CRITERIA, RGAA_THEMES, rgaaConformance, rgaaCounts, rgaaNonCompliant, rgaaRate } from '../../a11y/rgaa-criteria.ts';
import '../../client/app/pages/po-accessibility-page.ts';
import type { PoAccessibilityPage } from '../../client/app/pages/po-accessibility-page.ts';
import { loadLocale, localeStore } from '../../client/i18n/i18n.ts';

/** The page's text with (narrow) no-break spaces, as French numbers have them, read as plain spaces. */
const pageText = (el: PoAccessibilityPage) => el.shadowRoot!.textContent!.replace(/[\s\u00a0\u202f]+/g, ' ');
const percent = (locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rgaaRate() / 100).replace(/[\s\u00a0\u202f]+/g, ' ');

describe('RGAA 4.1 grid (a11y/rgaa-criteria.ts)', () => {
  it('holds the 106 criteria once each, with RGAA 4.1’s count per theme', () => {
    expect(RGAA_CRITERIA).to.have.length(106);
    expect(new Set(RGAA_CRITERIA.map((c) => c.number)).size).to.equal(106);
    const perTheme = (theme: number) => RGAA_CRITERIA.filter((c) => c.number.startsWith(`${theme}.`)).length;
    expect(RGAA_THEMES.map((t) => perTheme(t.theme))).to.deep.equal([9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12]);
    expect(RGAA_THEMES.map((t) => t.count)).to.deep.equal([9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12]);
    for (const t of RGAA_THEMES) {
      const numbers = RGAA_CRITERIA.filter((c) => c.number.startsWith(`${t.theme}.`)).map((c) => c.number);
      expect(numbers).to.deep.equal(Array.from({ length: t.count }, (_, i) => `${t.theme}.${i + 1}`));
    }
    for (const c of RGAA_CRITERIA) {
      expect(['C', 'NC', 'NA']).to.include(c.status);
      expect(c.title, c.number).to.not.equal('');
      expect(c.how, c.number).to.not.equal('');
    }
  });

  it('computes RGAA’s rate: C / (C + NC), not applicable left out, one decimal', () => {
    const { compliant, nonCompliant, notApplicable } = rgaaCounts();
    expect(compliant + nonCompliant + notApplicable).to.equal(106);
    expect(rgaaRate()).to.equal(Math.round((compliant / (compliant + nonCompliant)) * 1000) / 10);
    const sample = [
      { number: '1.1', title: 'a', status: 'C', how: 'x' },
      { number: '1.2', title: 'b', status: 'C', how: 'x' },
      { number: '1.3', title: 'c', status: 'NC', how: 'x' },
      { number: '1.4', title: 'd', status: 'NA', how: 'x' },
    ] as const;
    expect(rgaaRate(sample)).to.equal(66.7);
    expect(rgaaConformance(100)).to.equal('total');
    expect(rgaaConformance(66.7)).to.equal('partial');
    expect(rgaaConformance(50)).to.equal('partial');
    expect(rgaaConformance(49.9)).to.equal('none');
  });
});

describe('po-accessibility-page (/accessibilite: the RGAA 4.1 statement)', () => {
  afterEach(() => localeStore.set({ locale: 'fr' }));

  it('names RGAA 4.1, its level and the rate measured from the grid, the non-compliant criteria and the Défenseur des droits', async () => {
    const el = await fixture<PoAccessibilityPage>(html`<po-accessibility-page></po-accessibility-page>`);
    const text = pageText(el);
    expect(text).to.include('RGAA 4.1');
    const level = { total: 'totalement conforme', partial: 'partiellement conforme', none: 'non conforme' }[rgaaConformance(rgaaRate())];
    expect(text).to.include(`Portée est ${level} avec le RGAA 4.1.`);
    expect(text).to.include(`Taux de conformité mesuré : ${percent('fr')} des critères`);
    const { compliant, nonCompliant, notApplicable } = rgaaCounts();
    expect(text).to.include(`(${compliant} critères conformes, ${nonCompliant} non conformes ; ${notApplicable} des 106 critères`);

    const items = [...el.shadowRoot!.querySelectorAll('ul.non-compliant > li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(items).to.have.length(rgaaNonCompliant().length);
    rgaaNonCompliant().forEach((c, i) => {
      expect(items[i]).to.include(`Critère ${c.number} :`);
      expect(items[i]).to.include(c.title);
    });

    expect(text).to.include('Défenseur des droits');
    expect(text).to.include('Libre réponse 71120, 75342 Paris CEDEX 07');
    expect(el.shadowRoot!.querySelector('a[href="https://formulaire.defenseurdesdroits.fr/"]')).to.exist;
    expect(el.shadowRoot!.querySelector('po-storage-status')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says the same in English, the criteria’s French titles marked as French', async () => {
    localeStore.set({ locale: 'en' });
    await loadLocale();
    const el = await fixture<PoAccessibilityPage>(html`<po-accessibility-page></po-accessibility-page>`);
    const text = pageText(el);
    const level = { total: 'fully compliant', partial: 'partially compliant', none: 'not compliant' }[rgaaConformance(rgaaRate())];
    expect(text).to.include(`Portée is ${level} with RGAA 4.1.`);
    expect(text).to.include(`Measured compliance rate: ${percent('en')} of the RGAA 4.1 criteria`);
    const titles = [...el.shadowRoot!.querySelectorAll('ul.non-compliant span[lang="fr"]')].map((s) => s.textContent);
    expect(titles).to.deep.equal(rgaaNonCompliant().map((c) => c.title));
    expect(text).to.include('Criterion 12.1:');
    expect(text).to.include('Défenseur des droits');
    await expect(el).to.be.accessible();
  });
});
