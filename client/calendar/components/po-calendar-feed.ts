import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { createFeedLink, fetchFeedStatus, revokeFeedLink } from '../data/feed-link.ts';

/**
 * "S'abonner au calendrier": the personal iCalendar feed's link. "Créer le lien d'abonnement"
 * makes one (the server answers its URL once and keeps only a hash, so this device keeps it to
 * show it again); the URL sits in a read-only field with "Copier le lien" (the copy announced);
 * "Révoquer le lien" ends it; "Créer un nouveau lien" replaces it. A link made on another device
 * is said to exist, and how to see one here (make a new one). Creating and revoking are online.
 */
@customElement('po-calendar-feed')
export class PoCalendarFeed extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
      }
      input[readonly] {
        font-family: ui-monospace, monospace;
        font-size: 0.9em;
      }
    `,
  ];

  private readonly stored = new LiveQueryController(this, 'storedFeedLink', () => []);
  /** The server's word on a live link (null until asked, or offline). */
  @state() private server: { active: boolean; createdAt: string | null } | null = null;
  @state() private busy = false;
  /** What the last action did, in words (in the polite status line); `error` for a failure. */
  @state() private notice: { text: string; error?: boolean } | null = null;

  override connectedCallback() {
    super.connectedCallback();
    void this.refreshStatus();
  }

  private async refreshStatus() {
    try {
      this.server = await fetchFeedStatus();
    } catch {
      // Offline or refused: the page shows what this device knows.
      this.server = null;
    }
  }

  override render() {
    const link = this.stored.value ?? null;
    // A link stored here but revoked elsewhere: the server's word wins once it is known.
    const shown = link && (!this.server || (this.server.active && this.server.createdAt === link.createdAt)) ? link : null;
    const elsewhere = !shown && this.server?.active ? this.server.createdAt : null;
    return html`
      <p>${t('calendar.feed.intro')}</p>
      <p>${t('calendar.feed.secret')}</p>
      ${shown
        ? html`<div class="field">
              <label for="feed-url">${t('calendar.feed.urlLabel', { date: formatDate(shown.createdAt) })}</label>
              <input id="feed-url" type="text" readonly .value=${shown.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
            </div>
            <div class="actions">
              <button type="button" @click=${this._onCopy}>${t('calendar.feed.copy')}</button>
              <button type="button" class="secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this._onCreate}>${t('calendar.feed.renew')}</button>
              <button type="button" class="secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this._onRevoke}>${t('calendar.feed.revoke')}</button>
            </div>`
        : html`${elsewhere
              ? html`<p class="notice">${t('calendar.feed.otherDevice', { date: formatDate(elsewhere) })}</p>`
              : html`<p>${t('calendar.feed.none')}</p>`}
            <div class="actions">
              <button type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this._onCreate}>${elsewhere ? t('calendar.feed.renew') : t('calendar.feed.create')}</button>
              ${elsewhere
                ? html`<button type="button" class="secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this._onRevoke}>${t('calendar.feed.revoke')}</button>`
                : nothing}
            </div>`}
      <div role="status" aria-live="polite">
        ${this.notice ? html`<p class="notice ${this.notice.error ? 'error' : 'success'}">${this.notice.text}</p>` : nothing}
      </div>
    `;
  }

  /** Runs an online action once at a time, and says what became of it. */
  private async act(work: () => Promise<unknown>, done: string) {
    if (this.busy) return;
    this.busy = true;
    this.notice = { text: t('calendar.feed.working') };
    try {
      await work();
      this.notice = { text: done };
      await this.refreshStatus();
    } catch (error) {
      if (error instanceof OfflineError) this.notice = { text: t('calendar.feed.offline'), error: true };
      else if (error instanceof HttpError) this.notice = { text: t('calendar.feed.refused', { message: error.body.error.message }), error: true };
      else throw error;
    } finally {
      this.busy = false;
    }
  }

  private _onCreate() {
    void this.act(async () => {
      const link = await createFeedLink();
      // The new link's field takes the focus once the device's copy is drawn (a live query:
      // a later render), so it is read out and ready to copy.
      this.focusUrlOf = link.url;
    }, t('calendar.feed.created'));
  }

  /** The URL whose field should take the focus when it appears (after "Créer…"). */
  private focusUrlOf = '';

  override updated(changed: Map<PropertyKey, unknown>) {
    super.updated(changed);
    const field = this.shadowRoot?.getElementById('feed-url') as HTMLInputElement | null;
    if (this.focusUrlOf && field?.value === this.focusUrlOf) {
      this.focusUrlOf = '';
      field.focus();
    }
  }

  private _onRevoke() {
    void this.act(() => revokeFeedLink(), t('calendar.feed.revoked'));
  }

  private async _onCopy() {
    const input = this.shadowRoot?.getElementById('feed-url') as HTMLInputElement | null;
    if (!input) return;
    try {
      await navigator.clipboard.writeText(input.value);
      this.notice = { text: t('calendar.feed.copied') };
    } catch {
      input.focus();
      input.select();
      this.notice = { text: t('calendar.feed.copyFailed'), error: true };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-calendar-feed': PoCalendarFeed;
  }
}
