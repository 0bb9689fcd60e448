import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { accountEmailSchema } from '../../../shared/desk-schemas.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { FormController } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import '../../teacher/components/po-evaluation-confirm-dialog.ts';
import type { PoEvaluationConfirmDialog } from '../../teacher/components/po-evaluation-confirm-dialog.ts';
import { changeAccountEmail, fetchDeskAccount, fetchWelcomeLetter, setAccountDisabled, type DeskAccount } from '../data/desk-accounts.ts';
import { sendDeskForm } from './desk-create-form.ts';

/** The account the actions are for, as the lists show it. */
export interface AccountActionsTarget {
  id: string;
  username: string;
  email: string;
}

/**
 * "Gérer le compte": a disclosure under an account of the desk's lists, which reads the
 * account's state when opened (online) and offers "Désactiver" / "Réactiver" (after a
 * confirmation: disabling ends its sessions at once), "Modifier l'e-mail" (a small form), "Lettre
 * d'accueil (PDF)" (jsPDF, loaded only now) and "Lettre d'accueil (page)". What was done is
 * announced in the element's status line; offline, it says the action needs the network.
 *
 * @fires po-accounts-changed - after a change the list shows (the e-mail): the page reloads it
 * @fires po-account-state - `{ id, disabled }` once the state is read or changed (the list shows "Désactivé")
 */
@customElement('po-account-actions')
export class PoAccountActions extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
      }
      .panel {
        display: grid;
        gap: 0.5rem;
        padding-block: 0.5rem;
      }
      .panel .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      form {
        border-inline-start: 3px solid var(--po-color-border);
        padding-inline-start: 0.75rem;
      }
      a.button {
        min-block-size: var(--po-target-size);
      }
      @media (forced-colors: active) {
        form {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The account (identifiant, e-mail and id). */
  @property({ attribute: false }) account: AccountActionsTarget = { id: '', username: '', email: '' };

  @state() private open = false;
  @state() private state: DeskAccount | null = null;
  @state() private editing = false;
  @state() private failure = '';
  @query('po-evaluation-confirm-dialog') private dialog!: PoEvaluationConfirmDialog;

  private readonly form = new FormController(this, { name: 'account-email', fields: ['email'], initial: { email: '' } });

  override render() {
    const a = this.account;
    return html`
      <button type="button" class="secondary" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="panel" @click=${this._onToggle}>
        ${t('accountActions.manage')}<span class="visually-hidden"> ${a.username}</span>
      </button>
      <div id="panel" class="panel" ?hidden=${!this.open}>${this.open ? this.renderPanel(a) : nothing}</div>
      <p role="status" id="status" tabindex="-1">${this.form.announcement}</p>
      ${this.failure ? html`<p class="notice error" role="alert">${this.failure}</p>` : nothing}
      <po-evaluation-confirm-dialog
        heading=${t(this.state?.disabled ? 'accountActions.enableTitle' : 'accountActions.disableTitle', { username: a.username })}
        text=${t(this.state?.disabled ? 'accountActions.enableText' : 'accountActions.disableText')}
        confirm-label=${t(this.state?.disabled ? 'accountActions.enable' : 'accountActions.disable')}
        @po-confirm=${this._onConfirm}
      ></po-evaluation-confirm-dialog>
    `;
  }

  private renderPanel(a: AccountActionsTarget) {
    const s = this.state;
    const of = html`<span class="visually-hidden"> ${t('accountActions.ofAccount', { username: a.username })}</span>`;
    return html`
      <p>${s ? t(s.disabled ? 'accountActions.stateDisabled' : 'accountActions.stateActive') : t('accountActions.loading')}</p>
      <div class="actions">
        ${s
          ? html`<button type="button" id="toggle" class=${s.disabled ? '' : 'secondary'} aria-disabled=${this.form.busy ? 'true' : 'false'} @click=${this._onAskToggle}>
              ${t(s.disabled ? 'accountActions.enable' : 'accountActions.disable')}<span class="visually-hidden"> ${a.username}</span>
            </button>`
          : nothing}
        <button type="button" class="secondary" id="edit-email" aria-expanded=${this.editing ? 'true' : 'false'} aria-controls="email-form" @click=${this._onEditEmail}>
          ${t('accountActions.editEmail')}${of}
        </button>
        <button type="button" class="secondary" @click=${this._onPdf}>${t('accountActions.letterPdf')}${of}</button>
        <a class="button secondary" href="/admin/comptes/${encodeURIComponent(a.id)}/lettre">${t('accountActions.letterPage')}${of}</a>
      </div>
      ${this.editing ? this.renderEmailForm() : nothing}
    `;
  }

  private renderEmailForm() {
    return html`<form id="email-form" novalidate aria-label=${t('accountActions.editEmail')} @submit=${this._onSaveEmail}>
      ${this.form.renderSummary()}
      ${this.form.textField(
        { name: 'email', labelKey: 'accountActions.emailLabel', type: 'email', required: true, autocomplete: 'off' },
        { hint: t('accountActions.emailHint') },
      )}
      <div class="actions">
        <button type="submit" aria-disabled=${this.form.busy ? 'true' : 'false'}>${t('accountActions.saveEmail')}</button>
        <button type="button" class="secondary" @click=${this._onEditEmail}>${t('accountActions.cancel')}</button>
      </div>
    </form>`;
  }

  /** A refusal or no network, said in the alert; nothing announced as done. */
  private fail(error: unknown) {
    this.form.announce('');
    if (error instanceof OfflineError) this.failure = t('deskAccounts.offline');
    else if (error instanceof HttpError) this.failure = error.body.error.message;
    else throw error;
  }

  private setState(s: DeskAccount) {
    this.state = s;
    this.dispatchEvent(new CustomEvent('po-account-state', { detail: { id: s.id, disabled: s.disabled }, bubbles: true, composed: true }));
  }

  private async _onToggle() {
    this.open = !this.open;
    this.failure = '';
    if (!this.open) return;
    try {
      this.setState(await fetchDeskAccount(this.account.id));
    } catch (error) {
      this.fail(error);
    }
  }

  private async _onAskToggle() {
    if (this.form.busy) return;
    await this.dialog.open();
  }

  private async _onConfirm() {
    const s = this.state;
    if (!s) return;
    this.failure = '';
    const sent = await this.form.submit(() => setAccountDisabled(s.id, !s.disabled), { problem: () => null });
    if (!sent.ok) return this.fail(sent.error);
    this.setState({ ...s, disabled: sent.value.disabled });
    const done = sent.value.disabled ? 'accountActions.disabledDone' : 'accountActions.enabledDone';
    this.form.announce(t(done, { username: s.username }), { success: true, again: true });
  }

  private async _onEditEmail() {
    this.editing = !this.editing;
    this.form.reset({ email: this.account.email });
    this.form.clearErrors();
    await this.updateComplete;
    (this.shadowRoot!.getElementById(this.editing ? 'email' : 'edit-email') as HTMLElement | null)?.focus();
  }

  private async _onSaveEmail(event: Event) {
    event.preventDefault();
    if (this.form.busy) return;
    this.failure = '';
    const input = this.form.validate(accountEmailSchema);
    if (!input) return;
    const username = this.account.username;
    const sent = await sendDeskForm(this.form, () => changeAccountEmail(this.account.id, input.email));
    if (!sent.ok) return;
    const same = sent.value.email === this.account.email;
    this.editing = false;
    this.form.announce(t(same ? 'accountActions.emailSame' : 'accountActions.emailDone', { username, email: sent.value.email }), { success: true, again: true });
    await this.updateComplete;
    (this.shadowRoot!.getElementById('status') as HTMLElement).focus();
    if (!same) this.dispatchEvent(new CustomEvent('po-accounts-changed', { bubbles: true, composed: true }));
  }

  private async _onPdf() {
    this.failure = '';
    this.form.announce(t('accountActions.pdfMaking'));
    try {
      const data = await fetchWelcomeLetter(this.account.id);
      // jsPDF arrives only now.
      const pdf = await import('../pdf/welcome-letter-pdf.ts');
      const file = pdf.welcomeLetterPdf(data);
      pdf.downloadFile(file);
      this.form.announce(t('accountActions.pdfReady', { file: file.fileName }), { success: true });
    } catch (error) {
      if (error instanceof OfflineError || error instanceof HttpError) return this.fail(error);
      console.error('[welcome-letter]', error);
      this.failure = t('accountActions.pdfFailed');
      this.form.announce('');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-account-actions': PoAccountActions;
  }
  interface GlobalEventHandlersEventMap {
    'po-account-state': CustomEvent<{ id: string; disabled: boolean }>;
  }
}
