import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { StoreController } from '../state/store.ts';
import { localeStore, setLocale, t, type Locale } from '../i18n/i18n.ts';

/** The language choice: French by default, English on request (remembered on the device). */
@customElement('po-language-select')
export class PoLanguageSelect extends LitElement {
  static override styles = css`
    label {
      margin-inline-end: 0.4em;
    }
    select {
      font: inherit;
      min-block-size: var(--po-target-size, 2.75rem);
      border: 2px solid currentColor;
      border-radius: var(--po-radius, 0.375rem);
      background: var(--po-color-bg, #fff);
      color: var(--po-color-text, #000);
    }
    /* Drawn outside the control, on the header: in the header's text colour, which contrasts with
       the header (currentColor did not: the select's dark text, the pressed toggle's header-coloured
       text, both about 1:1 to 1.3:1 on the header — test/e2e/keyboard-journeys.spec.ts). */
    select:focus-visible {
      outline: var(--po-focus-width, 3px) solid var(--po-color-header-text, currentColor);
      outline-offset: 3px;
    }
    @media (forced-colors: active) {
      select:focus-visible {
        outline-color: Highlight;
      }
      select {
        border-color: ButtonText;
      }
    }
  `;

  private readonly locale = new StoreController(this, localeStore);

  override render() {
    const current = this.locale.value.locale;
    return html`<label for="lang">${t('shell.language')}</label>
      <select id="lang" @change=${(e: Event) => setLocale((e.target as HTMLSelectElement).value as Locale)}>
        <option value="fr" lang="fr" ?selected=${current === 'fr'}>Français</option>
        <option value="en" lang="en" ?selected=${current === 'en'}>English</option>
      </select>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-language-select': PoLanguageSelect;
  }
}
