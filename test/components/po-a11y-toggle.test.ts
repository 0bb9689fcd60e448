/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { a11yMode } from '../../client/a11y/a11y-mode.ts';
import '../../client/components/po-a11y-toggle.ts';
import type { PoA11yToggle } from '../../client/components/po-a11y-toggle.ts';

describe('po-a11y-toggle', () => {
  beforeEach(async () => {
    localStorage.clear();
    await a11yMode.setEnabled(false, { signedIn: false });
  });

  it('is a native button named "Mode accessibilité" with aria-pressed', async () => {
    const el = await fixture<PoA11yToggle>(html`<po-a11y-toggle></po-a11y-toggle>`);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.textContent).to.contain('Mode accessibilité');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('Space and Enter switch the mode on <html>, remember it, and update aria-pressed', async () => {
    const el = await fixture<PoA11yToggle>(html`<po-a11y-toggle></po-a11y-toggle>`);
    const button = el.shadowRoot!.querySelector('button')!;
    button.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(document.documentElement.classList.contains('a11y-mode')).to.equal(true);
    expect(localStorage.getItem('portee.a11yMode')).to.equal('1');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(document.documentElement.classList.contains('a11y-mode')).to.equal(false);
    expect(localStorage.getItem('portee.a11yMode')).to.equal('0');
  });

  it('two toggles on a page stay in step (one shared mode)', async () => {
    const wrapper = await fixture(html`<div><po-a11y-toggle></po-a11y-toggle><po-a11y-toggle></po-a11y-toggle></div>`);
    const [a, b] = Array.from(wrapper.querySelectorAll('po-a11y-toggle'));
    a.shadowRoot!.querySelector('button')!.click();
    await b.updateComplete;
    expect(b.shadowRoot!.querySelector('button')!.getAttribute('aria-pressed')).to.equal('true');
  });
});
