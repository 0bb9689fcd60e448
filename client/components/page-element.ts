import { LitElement } from 'lit';
import { t } from '../i18n/i18n.ts';

/**
 * Base of every page: sets document.title ("<page> — Portée") and exposes its h1 so the app can
 * move focus there after each navigation.
 */
export abstract class PageElement extends LitElement {
  protected abstract pageTitle(): string;

  override updated(changed: Map<PropertyKey, unknown>) {
    super.updated(changed);
    const title = `${this.pageTitle()} — ${t('app.name')}`;
    if (document.title !== title) document.title = title;
  }

  /** Focuses the page's h1 (made focusable by script only). */
  async focusHeading() {
    await this.updateComplete;
    const h1 = this.shadowRoot?.querySelector('h1');
    if (!h1) return;
    h1.setAttribute('tabindex', '-1');
    h1.focus();
  }
}
