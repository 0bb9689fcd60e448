import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { a11yMode } from '../a11y/a11y-mode.ts';
import { StoreController } from '../state/store.ts';
import { t } from '../i18n/i18n.ts';

/**
 * The "Mode accessibilité" toggle: a native button with aria-pressed, on every screen.
 * Pressing it switches the mode at once (no reload) and remembers it.
 *
 * @csspart button - the button (a narrow shell tightens its padding)
 * @csspart label - the full label, the button's name ("Mode accessibilité")
 * @csspart short-label - a shorter visible label ("Accessibilité"), hidden unless the shell shows it
 */
@customElement('po-a11y-toggle')
export class PoA11yToggle extends LitElement {
  static override styles = css`
    button {
      font: inherit;
      letter-spacing: inherit;
      word-spacing: inherit;
      min-block-size: var(--po-target-size, 2.75rem);
      padding: 0.25em 0.9em;
      border: 2px solid currentColor;
      border-radius: var(--po-radius, 0.375rem);
      background: transparent;
      color: inherit;
      cursor: pointer;
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
    }
    button[aria-pressed='true'] {
      background: var(--po-color-header-text, #fff);
      color: var(--po-color-header-bg, #000);
    }
    /* Drawn outside the control, on the header: in the header's text colour, which contrasts with
       the header (currentColor did not: the select's dark text, the pressed toggle's header-coloured
       text, both about 1:1 to 1.3:1 on the header — test/e2e/keyboard-journeys.spec.ts). */
    button:focus-visible {
      outline: var(--po-focus-width, 3px) solid var(--po-color-header-text, currentColor);
      outline-offset: 3px;
    }
    .state {
      font-weight: 700;
    }
    /* The label a narrow shell shows instead of the full one (which stays the button's name). */
    .short {
      display: none;
    }
    @media (forced-colors: active) {
      button:focus-visible {
        outline-color: Highlight;
      }
      button {
        border-color: ButtonText;
        color: ButtonText;
        background: ButtonFace;
      }
      button[aria-pressed='true'] {
        background: Highlight;
        color: HighlightText;
      }
    }
  `;

  /** Whether the account should be told too (signed in). */
  @property({ type: Boolean, attribute: 'signed-in' }) signedIn = false;

  private readonly mode = new StoreController(this, a11yMode);

  override render() {
    const on = this.mode.value.enabled;
    return html`<button type="button" part="button" aria-pressed=${on ? 'true' : 'false'} @click=${this._onClick}>
      <span aria-hidden="true">◐</span><span part="label">${t('a11y.toggle')}</span><span part="short-label" class="short" aria-hidden="true">${t('a11y.toggleShort')}</span><span class="state" aria-hidden="true">${on ? 'ON' : 'OFF'}</span>
    </button>`;
  }

  private _onClick() {
    void a11yMode.setEnabled(!this.mode.value.enabled, { signedIn: this.signedIn });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-a11y-toggle': PoA11yToggle;
  }
}
