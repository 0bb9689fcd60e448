import { LitElement } from 'lit';
import { nextTask } from '../app/next-task.ts';
import { t } from '../i18n/i18n.ts';

/** How long after a navigation a re-rendered heading still takes the focus back. */
const HEADING_FOCUS_WINDOW_MS = 3000;

/**
 * Base of every page: sets document.title ("<page> — Portée") and exposes its h1 so the app can
 * move focus there after each navigation.
 */
export abstract class PageElement extends LitElement {
  private headingFocusUntil = 0;

  protected abstract pageTitle(): string;

  /**
   * A page's first render waits for a task of its own: the shell, then the page, each fit in a
   * short task on a slow phone instead of one long one that holds the first tap (Lit's documented
   * way to yield before an update). The app shows the page when both have rendered (po-app).
   */
  protected override async scheduleUpdate() {
    if (!this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  override updated(changed: Map<PropertyKey, unknown>) {
    super.updated(changed);
    const title = `${this.pageTitle()} — ${t('app.name')}`;
    if (document.title !== title) document.title = title;
    // A page first drawn while its data loads may replace its h1 once the data is there: the
    // focus, lost with the old element, goes to the new one (never taken from something else).
    if (Date.now() < this.headingFocusUntil) this.applyHeadingFocus();
  }

  /** Focuses the page's h1 (made focusable by script only). */
  async focusHeading() {
    await this.updateComplete;
    this.headingFocusUntil = Date.now() + HEADING_FOCUS_WINDOW_MS;
    this.applyHeadingFocus(true);
  }

  private applyHeadingFocus(force = false) {
    const h1 = this.shadowRoot?.querySelector('h1');
    if (!h1 || this.shadowRoot!.activeElement === h1) return;
    const lost = document.activeElement === document.body || (document.activeElement === this && !this.shadowRoot!.activeElement);
    if (!force && !lost) return;
    h1.setAttribute('tabindex', '-1');
    h1.focus();
  }
}
