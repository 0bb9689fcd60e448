import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/**
 * Asks before a deletion that cannot be undone (a class evaluation, a follow-up note, a
 * repertoire entry, a teacher's absence withdrawn): a modal dialog whose first, focused choice is
 * "Annuler", so Enter or Escape straight away deletes nothing. Closing it gives the focus back to
 * the button that opened it.
 *
 * @fires po-confirm - the person confirmed (the opener knows what it asked about)
 */
@customElement('po-evaluation-confirm-dialog')
export class PoEvaluationConfirmDialog extends LitElement {
  static override styles = [
    pageStyles,
    css`
      dialog {
        max-inline-size: min(32rem, 90vw);
        border: 3px solid var(--po-color-text);
        background: var(--po-color-bg);
        color: var(--po-color-text);
        padding: 1.5em;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      @media (forced-colors: active) {
        dialog {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The dialog's title: the question ("Supprimer l'évaluation ?"). */
  @property() heading = '';
  /** What will be deleted, in words. */
  @property() text = '';
  /** The confirming button's label ("Supprimer l'évaluation"). */
  @property({ attribute: 'confirm-label' }) confirmLabel = '';

  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the dialog (modal), the focus on "Annuler". */
  async open() {
    await this.updateComplete;
    const opener = deepActiveElement();
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('#cancel')?.focus();
    this.dialog.addEventListener('close', () => opener?.focus(), { once: true });
  }

  override render() {
    return html`<dialog aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <h2 id="confirm-title">${this.heading}</h2>
      <p id="confirm-text">${this.text}</p>
      <div class="actions">
        <button type="button" class="secondary" id="cancel" @click=${() => this.dialog.close()}>${t('teaching.cancel')}</button>
        <button type="button" @click=${this._onConfirm}>${this.confirmLabel}</button>
      </div>
    </dialog>`;
  }

  private _onConfirm() {
    this.dialog.close();
    this.dispatchEvent(new CustomEvent('po-confirm', { bubbles: true, composed: true }));
  }
}

/** The focused element itself, inside shadow roots (document.activeElement is only their outermost host). */
function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'po-evaluation-confirm-dialog': PoEvaluationConfirmDialog;
  }
  interface GlobalEventHandlersEventMap {
    'po-confirm': CustomEvent<void>;
  }
}
