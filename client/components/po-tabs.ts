import { css, html, LitElement } from 'lit';
import { customElement, property, queryAll } from 'lit/decorators.js';
import { navigate } from '../app/navigate.ts';
import { pageStyles } from '../styles/shared-styles.ts';

export interface TabItem {
  id: string;
  label: string;
  /** Each tab is also a URL: selecting it goes there (replacing the current history entry). */
  href: string;
}

/**
 * Tabs following the ARIA pattern: a `tablist` of `tab` buttons with a roving tabindex (Tab
 * enters on the selected one; Left/Right/Home/End move and select it — automatic activation,
 * the panel's content is local, so it is instant) and one `tabpanel` whose content is slotted
 * by the page. Selecting a tab fires a cancelable `po-tab-select` ({ id, href }); unless
 * cancelled, the app then navigates to the tab's URL, so every tab can be bookmarked and reloaded.
 *
 * @slot - the selected tab's content, inside the `tabpanel`
 * @fires po-tab-select - detail `{ id, href }`, cancelable: another tab was chosen (cancelled, no navigation)
 */
@customElement('po-tabs')
export class PoTabs extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        container-type: inline-size;
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em;
        border-block-end: 2px solid var(--po-color-primary);
      }
      [role='tab'] {
        background: var(--po-color-bg);
        color: var(--po-color-primary);
        border: 2px solid var(--po-color-border);
        border-block-end: none;
        border-end-start-radius: 0;
        border-end-end-radius: 0;
        padding: 0.5em 1em;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--po-color-primary);
        color: var(--po-color-primary-text);
        border-color: var(--po-color-primary);
        font-weight: 700;
      }
      [role='tabpanel'] {
        padding-block: var(--po-space, 1rem);
      }
      /* Narrow: tighter tabs that share the row, so they keep to as few lines as the text allows. */
      @container (width < 30em) {
        [role='tab'] {
          flex: 1 1 auto;
          padding-inline: 0.5em;
        }
      }
      @media (forced-colors: active) {
        [role='tab'] {
          border-color: ButtonText;
          background: ButtonFace;
          color: ButtonText;
        }
        [role='tab'][aria-selected='true'] {
          background: Highlight;
          color: HighlightText;
          border-color: Highlight;
        }
        [role='tablist'] {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The tab list's accessible name. */
  @property() label = '';
  /** The tabs, in order, each with its label and its URL. */
  @property({ attribute: false }) tabs: TabItem[] = [];
  /** The selected tab's id. */
  @property() selected = '';

  @queryAll('[role="tab"]') private tabButtons!: NodeListOf<HTMLButtonElement>;

  /** True while focus is on one of the tabs (the page then leaves focus there after navigating). */
  hasTabFocus(): boolean {
    return !!this.shadowRoot?.activeElement?.matches('[role="tab"]');
  }

  override render() {
    const current = this.tabs.find((tab) => tab.id === this.selected) ?? this.tabs[0];
    return html`
      <div role="tablist" aria-label=${this.label} @keydown=${this._onKeyDown}>
        ${this.tabs.map((tab) => {
          const selected = tab.id === current?.id;
          return html`<button
            type="button"
            role="tab"
            id="tab-${tab.id}"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${selected ? 0 : -1}
            @click=${() => this.select(tab, false)}
          >${tab.label}</button>`;
        })}
      </div>
      <div role="tabpanel" id="panel" aria-labelledby="tab-${current?.id ?? ''}" tabindex="0">
        <slot></slot>
      </div>
    `;
  }

  private _onKeyDown(event: KeyboardEvent) {
    const count = this.tabs.length;
    const at = Math.max(0, this.tabs.findIndex((tab) => tab.id === this.selected));
    const to = { ArrowRight: (at + 1) % count, ArrowLeft: (at - 1 + count) % count, Home: 0, End: count - 1 }[event.key];
    if (to === undefined || !count) return;
    event.preventDefault();
    this.select(this.tabs[to], true);
  }

  private async select(tab: TabItem, moveFocus: boolean) {
    if (tab.id !== this.selected) {
      this.selected = tab.id;
      const proceed = this.dispatchEvent(
        new CustomEvent('po-tab-select', { detail: { id: tab.id, href: tab.href }, bubbles: true, composed: true, cancelable: true }),
      );
      if (proceed) navigate(tab.href, { replace: true });
    }
    await this.updateComplete;
    if (moveFocus) Array.from(this.tabButtons).find((b) => b.id === `tab-${tab.id}`)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-tabs': PoTabs;
  }
}
