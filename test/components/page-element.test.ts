/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { PageElement } from '../../client/components/page-element.ts';

class PoTestPage extends PageElement {
  @property() label = 'Premier';
  protected pageTitle() {
    return `Essai ${this.label}`;
  }
  override render() {
    return html`<h1>${this.label}</h1>`;
  }
}
customElements.define('po-test-page', PoTestPage);

/** Lets every queued microtask run (several rounds: Lit's update awaits a few promises). */
async function drainMicrotasks() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('PageElement (client/components/page-element.ts)', () => {
  let page: PoTestPage;
  afterEach(() => page?.remove());

  it('renders its first time in a task of its own, not in the task that connected it', async () => {
    page = document.createElement('po-test-page') as PoTestPage;
    document.body.append(page);
    await drainMicrotasks();
    // Still the connecting task: the shell's render and the page's are two short tasks, not one long one.
    expect(page.shadowRoot?.querySelector('h1')?.textContent ?? 'not rendered yet').to.equal('not rendered yet');
    await page.updateComplete;
    expect(page.shadowRoot!.querySelector('h1')!.textContent).to.equal('Premier');
    expect(document.title).to.match(/^Essai Premier — /);
  });

  it('renders a change without waiting for a task once it has rendered', async () => {
    page = document.createElement('po-test-page') as PoTestPage;
    document.body.append(page);
    await page.updateComplete;
    page.label = 'Second';
    await drainMicrotasks();
    expect(page.shadowRoot!.querySelector('h1')!.textContent).to.equal('Second');
  });
});
