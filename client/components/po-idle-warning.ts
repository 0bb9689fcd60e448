import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';

/**
 * Warns before the idle timeout (WCAG 2.2.1): a modal dialog, two minutes before the end, with
 * "Prolonger la session". Activity is any key, pointer or touch; background syncs do not count.
 *
 * @fires po-extend-session - the person asked to stay signed in
 * @fires po-idle-timeout - the time ran out
 * @fires po-sign-out - the person chose to leave
 */
@customElement('po-idle-warning')
export class PoIdleWarning extends LitElement {
  static override styles = [
    pageStyles,
    css`
      dialog {
        max-inline-size: min(32rem, 90vw);
        border: 3px solid var(--po-color-text);
        border-radius: var(--po-radius);
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

  /** Seconds without activity before the session ends. */
  @property({ type: Number, attribute: 'timeout-seconds' }) timeoutSeconds = 30 * 60;
  /** How many seconds before the end the warning opens. */
  @property({ type: Number, attribute: 'warning-seconds' }) warningSeconds = 2 * 60;
  @state() private remaining = 0;
  @query('dialog') private dialog!: HTMLDialogElement;

  private lastActivity = Date.now();
  private tick?: ReturnType<typeof setInterval>;
  private readonly onActivity = () => {
    if (!this.dialog?.open) this.lastActivity = Date.now();
  };

  override connectedCallback() {
    super.connectedCallback();
    for (const type of ['keydown', 'pointerdown', 'touchstart']) window.addEventListener(type, this.onActivity, { passive: true });
    this.tick = setInterval(() => this.check(), 1000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const type of ['keydown', 'pointerdown', 'touchstart']) window.removeEventListener(type, this.onActivity);
    clearInterval(this.tick);
  }

  /** Restarts the count (after a sign-in or an extension). */
  reset() {
    this.lastActivity = Date.now();
    if (this.dialog?.open) this.dialog.close();
  }

  private check() {
    const left = Math.round(this.timeoutSeconds - (Date.now() - this.lastActivity) / 1000);
    if (left <= 0) {
      clearInterval(this.tick);
      if (this.dialog?.open) this.dialog.close();
      this.dispatchEvent(new CustomEvent('po-idle-timeout', { bubbles: true, composed: true }));
      return;
    }
    if (left <= this.warningSeconds) {
      this.remaining = left;
      if (!this.dialog.open) this.dialog.showModal();
    }
  }

  override render() {
    // The count is shown, but announced only once (when the dialog opens), not every second.
    return html`<dialog aria-labelledby="idle-title" aria-describedby="idle-text" @cancel=${this._onExtend}>
      <h2 id="idle-title">${t('idle.title')}</h2>
      <p id="idle-text">${t('idle.text', { seconds: this.remaining })}</p>
      <div class="actions">
        <button type="button" @click=${this._onExtend} autofocus>${t('idle.extend')}</button>
        <button type="button" class="secondary" @click=${this._onSignOut}>${t('idle.signOut')}</button>
      </div>
    </dialog>`;
  }

  private _onExtend(e?: Event) {
    e?.preventDefault();
    this.reset();
    this.dispatchEvent(new CustomEvent('po-extend-session', { bubbles: true, composed: true }));
  }

  private _onSignOut() {
    this.dialog.close();
    this.dispatchEvent(new CustomEvent('po-sign-out', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-idle-warning': PoIdleWarning;
  }
}
