/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../client/components/po-tabs.ts';
import type { PoTabs, TabItem } from '../../client/components/po-tabs.ts';

const TABS: TabItem[] = [
  { id: 'suivi', label: 'Suivi', href: '/eleves/e1/cours/c1/suivi' },
  { id: 'evaluations', label: 'Évaluations', href: '/eleves/e1/cours/c1/evaluations' },
  { id: 'absences', label: 'Absences', href: '/eleves/e1/cours/c1/absences' },
];

/** Renders the tabs and records each selection (cancelled, so the test page does not navigate). */
async function setup(selected = 'suivi') {
  const selections: Array<{ id: string; href: string }> = [];
  const el = await fixture<PoTabs>(html`<po-tabs
    label="Fiche du cours"
    selected=${selected}
    .tabs=${TABS}
    @po-tab-select=${(e: CustomEvent) => {
      selections.push(e.detail);
      e.preventDefault();
    }}
  ><p>Contenu de l’onglet</p></po-tabs>`);
  const tabs = () => Array.from(el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
  const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
  return { el, tabs, focused, selections };
}

describe('po-tabs', () => {
  it('has the tablist / tab / tabpanel roles, names and relations, and passes axe', async () => {
    const { el, tabs } = await setup('evaluations');
    const list = el.shadowRoot!.querySelector('[role="tablist"]')!;
    expect(list.getAttribute('aria-label')).to.equal('Fiche du cours');
    expect(tabs().map((t) => t.textContent!.trim())).to.deep.equal(['Suivi', 'Évaluations', 'Absences']);
    expect(tabs().map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['false', 'true', 'false']);
    // Roving tabindex: only the selected tab is in the Tab order.
    expect(tabs().map((t) => t.tabIndex)).to.deep.equal([-1, 0, -1]);
    const panel = el.shadowRoot!.querySelector('[role="tabpanel"]')!;
    for (const tab of tabs()) expect(tab.getAttribute('aria-controls')).to.equal(panel.id);
    expect(panel.getAttribute('aria-labelledby')).to.equal(tabs()[1].id);
    const slot = panel.querySelector('slot')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Contenu de l’onglet');
    await expect(el).to.be.accessible();
  });

  it('Right/Left move and select with wrap-around, Home/End go to the ends; focus follows', async () => {
    const { el, tabs, focused, selections } = await setup('suivi');
    tabs()[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.selected).to.equal('evaluations');
    expect(focused()).to.equal(tabs()[1]);
    expect(tabs()[1].getAttribute('aria-selected')).to.equal('true');
    expect(tabs().map((t) => t.tabIndex)).to.deep.equal([-1, 0, -1]);

    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused()).to.equal(tabs()[2]);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.selected).to.equal('suivi');
    expect(focused()).to.equal(tabs()[0]);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.selected).to.equal('absences');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.selected).to.equal('suivi');
    expect(focused()).to.equal(tabs()[0]);
    expect(el.hasTabFocus()).to.equal(true);

    // Each selection announced its URL, in order.
    expect(selections.map((s) => s.id)).to.deep.equal(['evaluations', 'absences', 'suivi', 'absences', 'suivi']);
    expect(selections[0].href).to.equal('/eleves/e1/cours/c1/evaluations');
  });

  it('other keys do nothing; a click selects; Tab leaves the tab list for the panel', async () => {
    const { el, tabs, focused, selections } = await setup('suivi');
    tabs()[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.selected).to.equal('suivi');
    expect(selections).to.have.length(0);

    tabs()[2].click();
    await el.updateComplete;
    expect(el.selected).to.equal('absences');
    expect(selections.map((s) => s.href)).to.deep.equal(['/eleves/e1/cours/c1/absences']);

    tabs()[2].focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('role')).to.equal('tabpanel');
    expect(el.hasTabFocus()).to.equal(false);
  });

  it('selecting the tab already selected fires nothing', async () => {
    const { el, tabs, selections } = await setup('evaluations');
    tabs()[1].click();
    await el.updateComplete;
    expect(selections).to.have.length(0);
  });
});
