/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../client/components/po-record-nav.ts';
import type { PoRecordNav } from '../../client/components/po-record-nav.ts';

const HREFS = ['/eleves/a', '/eleves/b', '/eleves/c'];

async function setup(noun: string, index: number, hrefs = HREFS) {
  const el = await fixture<PoRecordNav>(html`<po-record-nav noun=${noun} .hrefs=${hrefs} .index=${index}></po-record-nav>`);
  const links = () => Array.from(el.shadowRoot!.querySelectorAll('a'));
  const byName = (name: string) => links().find((a) => a.getAttribute('aria-label') === name)!;
  return { el, links, byName };
}

describe('po-record-nav', () => {
  it('is a labelled nav whose links are named for the record, with the position', async () => {
    const { el, links } = await setup('student', 1);
    const nav = el.shadowRoot!.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).to.equal('Navigation entre les élèves');
    expect(links().map((a) => a.textContent!.trim())).to.deep.equal(['Premier', 'Précédent', 'Suivant', 'Dernier']);
    expect(links().map((a) => a.getAttribute('aria-label'))).to.deep.equal(['Premier élève', 'Élève précédent', 'Élève suivant', 'Dernier élève']);
    expect(links().map((a) => a.getAttribute('href'))).to.deep.equal(['/eleves/a', '/eleves/a', '/eleves/c', '/eleves/c']);
    expect(nav.textContent).to.contain('2 / 3');
    expect(nav.textContent).to.contain('Élève 2 sur 3');
    await expect(el).to.be.accessible();
  });

  it('at the first record, "Premier" and "Précédent" are disabled and out of the Tab order', async () => {
    const { el, byName } = await setup('course', 0);
    for (const name of ['Premier cours', 'Cours précédent']) {
      expect(byName(name).getAttribute('aria-disabled')).to.equal('true');
      expect(byName(name).hasAttribute('href')).to.equal(false);
      expect(byName(name).getAttribute('role')).to.equal('link');
    }
    for (const name of ['Cours suivant', 'Dernier cours']) {
      expect(byName(name).hasAttribute('aria-disabled')).to.equal(false);
    }
    expect(byName('Cours suivant').getAttribute('href')).to.equal('/eleves/b');
    await expect(el).to.be.accessible();

    // Keyboard: Tab goes straight to "Suivant" then "Dernier", skipping the disabled ones.
    const before = document.createElement('button');
    before.textContent = 'avant';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(byName('Cours suivant'));
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(byName('Dernier cours'));
    before.remove();
  });

  it('at the last record, "Suivant" and "Dernier" are disabled; feminine nouns agree', async () => {
    const { el, links, byName } = await setup('history', 2);
    expect(links().map((a) => a.textContent!.trim())).to.deep.equal(['Première', 'Précédente', 'Suivante', 'Dernière']);
    expect(byName('Fiche suivante').getAttribute('aria-disabled')).to.equal('true');
    expect(byName('Dernière fiche').getAttribute('aria-disabled')).to.equal('true');
    expect(byName('Fiche précédente').getAttribute('href')).to.equal('/eleves/b');
    expect(el.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('Navigation entre les fiches d’historique');
    await expect(el).to.be.accessible();
  });

  it('a single record: every link disabled, "1 / 1"; no record: nothing rendered', async () => {
    const single = await setup('repertoire', 0, ['/x']);
    expect(single.links().every((a) => a.getAttribute('aria-disabled') === 'true')).to.equal(true);
    expect(single.el.shadowRoot!.textContent).to.contain('1 / 1');
    const none = await setup('repertoire', -1, []);
    expect(none.el.shadowRoot!.querySelector('nav')).to.equal(null);
  });
});
