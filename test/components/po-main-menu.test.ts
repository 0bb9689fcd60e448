/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SessionInfo } from '../../shared/session.ts';
import '../../client/app/po-app-shell.ts';
// What the shell loads with its first signed-in render, defined before the tests look into it.
import '../../client/app/signed-in-shell.ts';
import type { PoAppShell } from '../../client/app/po-app-shell.ts';
import { db, setMeta } from '../../client/data/db.ts';

const info: SessionInfo = {
  user: { id: 'u1', username: 'x', name: 'Camille Test', role: 'family', siteId: 's1', siteName: 'Mantes', familyId: 'f1', teacherId: null, a11yMode: false, locale: 'fr' },
  expiresAt: new Date().toISOString(),
  idleTimeoutSeconds: 1800,
  idleWarningSeconds: 120,
};

/**
 * The shell in a box of the given width: the layout follows the shell's own width (a container
 * query), so a narrow box is a phone without resizing the test page.
 */
async function shellAt(width: number) {
  const box = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}px">
    <po-app-shell .info=${info} path="/accueil"><div id="main" tabindex="-1"><h1>Accueil</h1></div></po-app-shell>
  </div>`);
  const el = box.querySelector<PoAppShell>('po-app-shell')!;
  await el.updateComplete;
  const menu = el.shadowRoot!.querySelector('po-main-menu')!;
  await menu.updateComplete;
  const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-controls="main-menu"]')!;
  const nav = menu.shadowRoot!.querySelector('nav')!;
  const focused = () => el.shadowRoot!.activeElement;
  return { el, menu, button, nav, focused };
}

/** Keeps the test page where it is when a menu link is followed. */
const stayHere = (e: Event) => e.preventDefault();

describe('po-main-menu in the shell (the "Menu" disclosure)', () => {
  before(async () => {
    await db.students.clear();
    await db.families.clear();
    await setMeta('cursor', 1);
    document.addEventListener('click', stayHere);
  });
  after(() => document.removeEventListener('click', stayHere));

  it('narrow: a "Menu" button controls the menu, folded at first; the language shows only with it', async () => {
    const { el, button, nav } = await shellAt(360);
    expect(button.checkVisibility()).to.equal(true);
    expect(button.textContent!.trim()).to.equal('Menu');
    expect(button.getAttribute('aria-controls')).to.equal('main-menu');
    expect(el.shadowRoot!.getElementById('main-menu')).to.equal(el.shadowRoot!.querySelector('po-main-menu'));
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(nav.checkVisibility()).to.equal(false);
    expect(el.shadowRoot!.querySelector('po-language-select')!.checkVisibility()).to.equal(false);

    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(nav.checkVisibility()).to.equal(true);
    expect(el.shadowRoot!.querySelector('po-language-select')!.checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(nav.checkVisibility()).to.equal(false);
  });

  it('Escape folds the menu from one of its links and gives the focus back to the button', async () => {
    const { el, menu, button, nav, focused } = await shellAt(360);
    button.click();
    await el.updateComplete;
    nav.querySelector<HTMLAnchorElement>('a[href="/famille"]')!.focus();
    expect(menu.shadowRoot!.activeElement?.textContent).to.equal('Famille');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(nav.checkVisibility()).to.equal(false);
    expect(focused()).to.equal(button);
  });

  it('choosing a link folds the menu (and so does any change of page)', async () => {
    const { el, button, nav } = await shellAt(360);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    nav.querySelector<HTMLAnchorElement>('a[href="/mot-de-passe"]')!.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(nav.checkVisibility()).to.equal(false);

    button.click();
    await el.updateComplete;
    el.path = '/famille';
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('wide: no button, the whole menu under the header, and Escape does nothing', async () => {
    const { el, button, nav } = await shellAt(1200);
    expect(button.checkVisibility()).to.equal(false);
    expect(nav.checkVisibility()).to.equal(true);
    expect(el.shadowRoot!.querySelector('po-language-select')!.checkVisibility()).to.equal(true);
    nav.querySelector<HTMLAnchorElement>('a')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(nav.checkVisibility()).to.equal(true);
  });

  it('the accessibility toggle keeps its name on a narrow screen, with a shorter visible label', async () => {
    const { el } = await shellAt(360);
    const toggle = el.shadowRoot!.querySelector('po-a11y-toggle')!;
    await toggle.updateComplete;
    const label = toggle.shadowRoot!.querySelector('[part="label"]')!;
    const short = toggle.shadowRoot!.querySelector('[part="short-label"]')!;
    expect(label.textContent).to.equal('Mode accessibilité');
    expect(short.getAttribute('aria-hidden')).to.equal('true');
    expect(short.getBoundingClientRect().width).to.be.greaterThan(1);
    expect(label.getBoundingClientRect().width).to.be.at.most(1);
  });
});
